package cn.gov.wenzhou.kjj.console.backend;

/** The services the console calls; {@link #id()} is also the key of the service's name in the message bundles. */
public enum Service {
    PLATFORM_REGISTRY("platform-registry"),
    FUNDING("funding-service"),
    TALENT_POOL("talent-pool-service");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
