package cn.gov.wenzhou.kjj.opendata.query;

/** A published dataset of the read model; each has a version counter that its answers' ETags are made of. */
public enum Dataset {
    PLATFORMS("platforms"),
    CALLS("calls"),
    AWARDS("awards"),
    POOL("pool");

    private final String key;

    Dataset(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
