package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a service publishes and consumes integration events. (The {@code ce_source} it publishes with is not a setting:
 * it is the topic's producer in the contracts, {@link Topics#producerOf}.)
 *
 * @param consumerGroup            the Kafka consumer group of this service's listeners
 * @param instanceId               this instance's static group membership ({@code group.instance.id}, one per listener
 *                                 container is derived from it): a restarted instance takes its partitions back at
 *                                 once instead of waiting out its predecessor's session. Unique per instance of a
 *                                 service; blank for dynamic membership
 * @param partitions               partitions of each published topic (key = aggregate id keeps per-aggregate order)
 * @param replicationFactor        replicas of each topic: 1 on the embedded broker, 3 in production
 * @param publishTimeout           how long the publishing processor waits for the broker's acknowledgement
 * @param publishStallAfter        a send unacknowledged for longer marks the publisher STALLED (status, health, metric)
 * @param retryAttempts            deliveries of a failing record before it goes to the dead-letter topic (a record
 *                                 whose failure will pass, such as the database being away, is never dead-lettered)
 * @param retryInterval            pause between those deliveries, and the first pause of a transient retry
 * @param transientRetryMaxInterval the longest pause between retries of a record waiting for a dependency
 */
@ConfigurationProperties("stb.kafka")
public record StbKafkaProperties(
        String consumerGroup,
        String instanceId,
        @DefaultValue("" + Topics.DEFAULT_PARTITIONS) int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("30s") Duration publishTimeout,
        @DefaultValue("3s") Duration publishStallAfter,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("5s") Duration transientRetryMaxInterval) {
}
