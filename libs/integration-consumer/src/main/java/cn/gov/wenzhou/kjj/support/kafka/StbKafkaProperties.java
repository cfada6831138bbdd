package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a service publishes and consumes integration events.
 *
 * @param source            the CloudEvents {@code ce_source} of everything this service publishes
 * @param consumerGroup     the Kafka consumer group of this service's listeners
 * @param partitions        partitions of each published topic (key = aggregate id keeps per-aggregate order)
 * @param replicationFactor replicas of each topic: 1 on the embedded broker, 3 in production
 * @param publishTimeout    how long the publishing processor waits for the broker's acknowledgement
 * @param retryAttempts     deliveries of a failing record before it goes to the dead-letter topic
 * @param retryInterval     pause between those deliveries
 */
@ConfigurationProperties("stb.kafka")
public record StbKafkaProperties(
        String source,
        String consumerGroup,
        @DefaultValue("" + Topics.DEFAULT_PARTITIONS) int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("30s") Duration publishTimeout,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryInterval) {
}
