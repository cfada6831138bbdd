package cn.gov.wenzhou.kjj.registry.command;

/** Why municipal recognition was revoked: the two causes the bureau's letter names. */
public enum RevocationReason {
    /** 连续两年评价结果为不合格 */
    FAILED_TWO_CONSECUTIVE_YEARS("连续两年评价结果为不合格"),
    /** 无正当理由不参加年度绩效评价 */
    NOT_ATTENDED_WITHOUT_JUSTIFICATION("无正当理由不参加年度绩效评价");

    private final String chineseName;

    RevocationReason(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
