package cn.gov.wenzhou.kjj.talent.command;

/** Why an admitted hire leaves the pool (a parameter of the admitted-talent rules; these four per DOMAIN.md). */
public enum ExitReason {
    /** The hire left the employer that applied for them (离职). */
    LEFT_EMPLOYER,
    /** The term of the admission ended (聘期届满). */
    TERM_ENDED,
    /** The hire failed a periodic review (考核不合格); recorded through the review itself. */
    FAILED_REVIEW,
    /** Misconduct (违纪违规). */
    MISCONDUCT
}
