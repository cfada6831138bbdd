package cn.gov.wenzhou.kjj.funding.command;

import java.util.Optional;

/**
 * Which registry platform holds a credit code, as funding has noted it from the registry's events; empty for an
 * organisation funding has never heard of as a platform. Read on the command side, in the deciding command's unit of
 * work (a bid naming a partner by its credit code only), so a decision never rests on a view that lags behind.
 */
public interface PlatformDirectory {

    /** The platform under {@code creditCode}: the most recently changed, if several. */
    Optional<String> platformIdOf(String creditCode);
}
