package cn.gov.wenzhou.kjj.kafkaaccess;

import cn.gov.wenzhou.kjj.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use Kafka and for what, in one place (DESIGN.md, "Kafka in production"): every client signs in with
 * SASL/SCRAM-SHA-512 as its own user; each service may write only its own topics (and its dead-letter topics), read
 * only what it consumes, in consumer groups named after it; a subscriber only reads. The embedded brokers (dev stack,
 * tests) are set up from it, {@code deploy/kafka/setup.sh} for compose is generated from it, and the table in
 * docs/operators.md is checked against it.
 */
public final class KafkaAccess {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    /** SCRAM iterations of every credential (Kafka's minimum for SHA-512 is 4096). */
    public static final int ITERATIONS = 8192;
    /** The broker's super user (tests and operators' tools; no service signs in as it). */
    public static final String ADMIN = "admin";

    public static final KafkaUser REGISTRY = KafkaUser.service("platform-registry",
            List.of(Topics.FUNDING_PROJECT_V1, Topics.TALENT_ENROLLMENT_V1));
    /*
     * funding and talent keep their replicas from the registry's standings on v2; v1 stays readable to them (and its
     * dead-letter topic writable) while records dead-lettered before the move may still be replayed.
     */
    public static final KafkaUser FUNDING = KafkaUser.service("funding-service",
            List.of(Topics.REGISTRY_PLATFORM_V1, Topics.REGISTRY_PLATFORM_V2));
    public static final KafkaUser TALENT = KafkaUser.service("talent-pool-service",
            List.of(Topics.REGISTRY_PLATFORM_V1, Topics.REGISTRY_PLATFORM_V2));
    public static final KafkaUser OPEN_DATA = KafkaUser.service("open-data", List.of(Topics.REGISTRY_PLATFORM_V1,
            Topics.REGISTRY_PLATFORM_V2, Topics.FUNDING_CALL_V1, Topics.FUNDING_PROJECT_V1,
            Topics.TALENT_ENROLLMENT_V1, Topics.TALENT_POOL_V1));
    /** The read-only user of the sample subscriber and of outside subscribers that have no user of their own. */
    public static final KafkaUser SUBSCRIBER = KafkaUser.subscriber("subscriber");

    public static final List<KafkaUser> USERS = List.of(REGISTRY, FUNDING, TALENT, OPEN_DATA, SUBSCRIBER);

    private static final List<AclOperation> OWN_TOPIC = List.of(AclOperation.WRITE, AclOperation.DESCRIBE,
            AclOperation.CREATE, AclOperation.ALTER, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);
    private static final List<AclOperation> READ_TOPIC = List.of(AclOperation.READ, AclOperation.DESCRIBE);

    private KafkaAccess() {
    }

    public static Optional<KafkaUser> user(String name) {
        return USERS.stream().filter(user -> user.name().equals(name)).findFirst();
    }

    /** The one user that may write {@code topic} (a published topic's producer). */
    public static KafkaUser writerOf(String topic) {
        return USERS.stream().filter(user -> user.writes().contains(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user may write " + topic));
    }

    /** Where a consumer of {@code service} copies a record of {@code topic} it gave up on. */
    public static String deadLetterTopic(String topic, String service) {
        return topic + "." + service + ".dlt";
    }

    /**
     * The ACLs of {@code user}: allow-only, literal topic names, its own group and those under its prefix; nothing
     * else is allowed.
     */
    public static List<AclBinding> aclBindings(KafkaUser user) {
        String principal = principal(user.name());
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : user.writes()) {
            OWN_TOPIC.forEach(operation -> bindings.add(allow(principal, ResourceType.TOPIC, topic,
                    PatternType.LITERAL, operation)));
        }
        for (String topic : user.reads()) {
            READ_TOPIC.forEach(operation -> bindings.add(allow(principal, ResourceType.TOPIC, topic,
                    PatternType.LITERAL, operation)));
        }
        bindings.add(allow(principal, ResourceType.GROUP, user.name(), PatternType.LITERAL, AclOperation.READ));
        bindings.add(allow(principal, ResourceType.GROUP, user.groupPrefix(), PatternType.PREFIXED,
                AclOperation.READ));
        return bindings;
    }

    public static List<AclBinding> aclBindings() {
        return USERS.stream().flatMap(user -> aclBindings(user).stream()).toList();
    }

    /**
     * Every topic the deployment needs, kept forever: the published ones and each service's dead-letter topics.
     * The administrator creates them, so that no consumer depends on being allowed to create a topic.
     */
    public static List<NewTopic> topics(int partitions, short replicationFactor) {
        return topicNames().stream().map(topic -> new NewTopic(topic, partitions, replicationFactor)
                .configs(Topics.KEEP_FOREVER)).toList();
    }

    /** The names of {@link #topics}: every published topic, then each service's dead-letter topics. */
    public static List<String> topicNames() {
        List<String> names = new ArrayList<>(Topics.ALL);
        USERS.stream().flatMap(user -> user.writes().stream()).filter(topic -> !names.contains(topic))
                .forEach(names::add);
        return names;
    }

    /** The client settings that sign in as {@code username} (for any producer, consumer or admin client). */
    public static Map<String, Object> clientProperties(String username, String password) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL);
        properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(username, password));
        return properties;
    }

    /** {@code sasl.jaas.config} for SCRAM, quoting the values (a quote or backslash in a password stays literal). */
    public static String jaasConfig(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(username)
                + "\" password=\"" + quoted(password) + "\";";
    }

    public static String principal(String username) {
        return "User:" + username;
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
