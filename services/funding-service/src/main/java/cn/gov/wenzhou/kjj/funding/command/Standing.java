package cn.gov.wenzhou.kjj.funding.command;

/** A platform's standing as far as funding decisions care: the registry's status, as it published it. */
public enum Standing {
    /** Registered, not (yet) recognized: not a high-level platform. */
    REGISTERED,
    /** Recognized and not revoked: counts as a high-level platform for the priority rule. */
    RECOGNIZED,
    /** Recognized but under rectification after a failed evaluation: still recognized. */
    UNDER_RECTIFICATION,
    /** Recognition revoked: no award may go to it. */
    REVOKED,
    /** Revoked, and re-applied after the bar: still not recognized, so still no award until recognized again. */
    REAPPLIED;

    /** "High-level platform" in the priority rule: recognized and not revoked at review time. */
    public static boolean isHighLevel(Standing standing) {
        return standing == RECOGNIZED || standing == UNDER_RECTIFICATION;
    }

    /** Whether no new award may go to a platform of this standing: its recognition is revoked (re-applied or not). */
    public static boolean barsNewAwards(Standing standing) {
        return standing == REVOKED || standing == REAPPLIED;
    }
}
