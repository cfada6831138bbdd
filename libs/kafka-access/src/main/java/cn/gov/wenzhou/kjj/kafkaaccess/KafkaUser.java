package cn.gov.wenzhou.kjj.kafkaaccess;

import cn.gov.wenzhou.kjj.contracts.Topics;

import java.util.List;

/**
 * One user of the broker (a SASL/SCRAM principal, {@code User:<name>}) and what its ACLs let it do.
 *
 * @param name   the user name; a service's is its {@code spring.application.name}, as in its {@code ce_source}
 * @param kind   a service (publishes and consumes) or a subscriber (reads only)
 * @param writes the topics it may write: a service's own published topics and its dead-letter topics
 * @param reads  the topics it may read
 */
public record KafkaUser(String name, Kind kind, List<String> writes, List<String> reads) {

    public enum Kind { SERVICE, SUBSCRIBER }

    public KafkaUser {
        if (name == null || !name.matches("[a-z][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("a Kafka user name is lower-case letters, digits and '-': " + name);
        }
        writes = List.copyOf(writes);
        reads = List.copyOf(reads);
    }

    /**
     * A service: writes the topics the contracts name it the producer of ({@link Topics#producedBy}) and the
     * dead-letter topic of each topic it consumes; reads what it consumes.
     */
    static KafkaUser service(String name, List<String> consumes) {
        List<String> writes = new java.util.ArrayList<>(Topics.producedBy(name));
        consumes.forEach(topic -> writes.add(KafkaAccess.deadLetterTopic(topic, name)));
        return new KafkaUser(name, Kind.SERVICE, writes, consumes);
    }

    /** A subscriber: reads every published topic and writes none. */
    public static KafkaUser subscriber(String name) {
        return new KafkaUser(name, Kind.SUBSCRIBER, List.of(), Topics.ALL);
    }

    /**
     * The consumer groups it may join besides the one named after it ({@link #name}): those whose id starts with its
     * name and a dot, {@code statistics.platform-dashboard} for {@code statistics}. Never another user's, so a
     * subscriber cannot take a service's partitions away from it.
     */
    public String groupPrefix() {
        return name + ".";
    }
}
