package cn.gov.wenzhou.kjj.registry.command;

/** Where a platform stands in its lifecycle. */
public enum PlatformStatus {
    /** Registered and applying for recognition (已登记，申请认定中). */
    REGISTERED("已登记"),
    /** Recognized at a level (已认定). */
    RECOGNIZED("已认定"),
    /** Recognized, with at least one rectification notice not yet confirmed (整改中). */
    UNDER_RECTIFICATION("整改中"),
    /** Recognition revoked (已取消认定); re-application barred for two years. */
    REVOKED("已取消认定"),
    /** Revoked, and re-applied after the bar (重新申报中). */
    REAPPLIED("重新申报中");

    private final String chineseName;

    PlatformStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Recognized at a level, under rectification or not: what the rules and the counts treat as recognized. */
    public boolean isRecognized() {
        return this == RECOGNIZED || this == UNDER_RECTIFICATION;
    }
}
