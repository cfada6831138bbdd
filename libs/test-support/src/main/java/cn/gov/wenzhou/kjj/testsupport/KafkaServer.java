package cn.gov.wenzhou.kjj.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** A running Kafka broker in KRaft mode: a Testcontainers container or an embedded broker. */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();

    static KafkaServer embedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        // 3 instead of 50 partitions for consumer offsets: the first consumer group joins in a second, not thirty
        broker.brokerProperty("offsets.topic.num.partitions", "3");
        broker.afterPropertiesSet();
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return broker.getBrokersAsString();
            }

            @Override
            public void close() {
                broker.destroy();
            }
        };
    }

    @SuppressWarnings("resource")
    static KafkaServer container() {
        KafkaContainer container = new KafkaContainer("apache/kafka:3.9.1");
        container.start();
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
