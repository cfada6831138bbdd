package cn.gov.wenzhou.kjj.talent.command;

/** The outcome of an admitted hire's periodic review (定期考核). */
public enum ReviewOutcome {
    PASSED,
    /** Fails the review: the hire exits the pool in the same decision and frees the post. */
    FAILED
}
