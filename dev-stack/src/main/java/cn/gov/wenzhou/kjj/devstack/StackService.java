package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.funding.FundingApplication;
import cn.gov.wenzhou.kjj.registry.RegistryApplication;
import cn.gov.wenzhou.kjj.talent.TalentPoolApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.function.Supplier;

/** The three services of the stack, each with its own database and a fixed, documented port. */
public enum StackService {
    PLATFORM_REGISTRY("platform-registry", "registry", 8081, RegistryApplication::application),
    FUNDING("funding-service", "funding", 8082, FundingApplication::application),
    TALENT_POOL("talent-pool-service", "talent", 8083, TalentPoolApplication::application);

    private final String serviceName;
    private final String database;
    private final int defaultPort;
    private final Supplier<SpringApplicationBuilder> application;

    StackService(String serviceName, String database, int defaultPort, Supplier<SpringApplicationBuilder> application) {
        this.serviceName = serviceName;
        this.database = database;
        this.defaultPort = defaultPort;
        this.application = application;
    }

    public String serviceName() {
        return serviceName;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Whether the service sends notices through the mail outbox (and so reads mail-outbox-defaults.yml). */
    public boolean sendsMail() {
        return this == PLATFORM_REGISTRY || this == FUNDING;
    }

    public SpringApplicationBuilder application() {
        return application.get();
    }
}
