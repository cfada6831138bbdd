package cn.gov.wenzhou.kjj.talent.command;

import java.util.Optional;

/** Which registry platform an employer is, as this service learnt from the registry's events. */
public interface PlatformDirectory {

    /** The platform id of the most recently registered platform with this credit code, if any. */
    Optional<String> platformIdOf(String creditCode);
}
