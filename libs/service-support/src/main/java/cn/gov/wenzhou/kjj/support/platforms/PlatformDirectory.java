package cn.gov.wenzhou.kjj.support.platforms;

import java.util.Optional;

/**
 * Which registry platform holds a credit code, as a consuming service has noted it from the registry's events; empty
 * for an organisation it has never heard of as a platform. Read on the command side, in the deciding command's unit of
 * work (an admission naming the employer's platform, a bid naming a partner by its credit code only), so a decision
 * never rests on a view that lags behind its events.
 */
public interface PlatformDirectory {

    /** The platform under {@code creditCode}: the most recently noted, if several. */
    Optional<String> platformIdOf(String creditCode);
}
