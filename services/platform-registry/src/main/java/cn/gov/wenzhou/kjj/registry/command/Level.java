package cn.gov.wenzhou.kjj.registry.command;

/** Recognition level (认定级别), lowest first: an upgrade only ever moves up this list. */
public enum Level {
    MUNICIPAL("市级"),
    PROVINCIAL("省级"),
    NATIONAL("国家级");

    private final String chineseName;

    Level(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean isAbove(Level other) {
        return compareTo(other) > 0;
    }
}
