package cn.gov.wenzhou.kjj.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every published topic. Key = the aggregate id, so one aggregate's events stay ordered. */
public final class Topics {

    public static final String REGISTRY_PLATFORM_V1 = "registry.platform.v1";
    /**
     * The registry's second major version, published alongside v1 while subscribers move: {@code PlatformRegistered}
     * (whose shape broke) and {@code PlatformStandingChanged}, the platform's whole standing after each change; every
     * other registry event is unchanged and stays on v1.
     */
    public static final String REGISTRY_PLATFORM_V2 = "registry.platform.v2";
    public static final String FUNDING_CALL_V1 = "funding.call.v1";
    public static final String FUNDING_PROJECT_V1 = "funding.project.v1";
    /** The money ledger's daily signed checkpoints (key = the ledger's id). */
    public static final String FUNDING_LEDGER_V1 = "funding.ledger.v1";
    public static final String TALENT_ENROLLMENT_V1 = "talent.enrollment.v1";
    /** The staffing pool itself (key = its poolId): the posts it holds per year. */
    public static final String TALENT_POOL_V1 = "talent.pool.v1";

    public static final List<String> ALL = List.of(
            REGISTRY_PLATFORM_V1, REGISTRY_PLATFORM_V2, FUNDING_CALL_V1, FUNDING_PROJECT_V1, FUNDING_LEDGER_V1,
            TALENT_ENROLLMENT_V1, TALENT_POOL_V1);

    /**
     * The one producer of each topic, as its {@code ce_source}. A topic has exactly one writer (Kafka's ACLs say so
     * too); a consumer refuses a record on a topic whose source is anyone else's, and the publisher stamps it.
     */
    private static final Map<String, String> PRODUCERS = Map.of(
            REGISTRY_PLATFORM_V1, sourceOf("platform-registry"),
            REGISTRY_PLATFORM_V2, sourceOf("platform-registry"),
            FUNDING_CALL_V1, sourceOf("funding-service"),
            FUNDING_PROJECT_V1, sourceOf("funding-service"),
            FUNDING_LEDGER_V1, sourceOf("funding-service"),
            TALENT_ENROLLMENT_V1, sourceOf("talent-pool-service"),
            TALENT_POOL_V1, sourceOf("talent-pool-service"));

    /** Partitions of every published topic unless a deployment says otherwise. */
    public static final int DEFAULT_PARTITIONS = 3;

    /**
     * Topic settings: keep everything, never compact. The topics are the history a new subscriber replays from offset
     * zero, not a snapshot of the latest state per key.
     */
    public static final Map<String, String> KEEP_FOREVER = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "cleanup.policy", "delete");

    /** The {@code ce_source} of the service that produces {@code topic}; empty for a topic that is not ours. */
    public static Optional<String> producerOf(String topic) {
        return Optional.ofNullable(PRODUCERS.get(topic));
    }

    /** The topics {@code service} produces (its {@code ce_source} is their producer's), in {@link #ALL}'s order. */
    public static List<String> producedBy(String service) {
        String source = sourceOf(service);
        return ALL.stream().filter(topic -> source.equals(PRODUCERS.get(topic))).toList();
    }

    /** The CloudEvents {@code ce_source} of a service: {@code /wenzhou-stb/<service>}. */
    public static String sourceOf(String service) {
        return "/wenzhou-stb/" + service;
    }

    private Topics() {
    }
}
