package cn.gov.wenzhou.kjj.support.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Set;

/**
 * Defaults for every tracking processor of a service.
 *
 * @param batchSize                events per transaction; ~100 made replays about ten times faster than 1
 * @param eventAvailabilityTimeout how long a processor waits for new events before it checks its claim
 * @param tokenClaimInterval       how often an idle processor tries to claim an unclaimed segment
 * @param parking                  how a projection parks an event it cannot apply
 */
@ConfigurationProperties("stb.event-processing")
public record EventProcessingProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("1s") Duration eventAvailabilityTimeout,
        @DefaultValue("2s") Duration tokenClaimInterval,
        @DefaultValue Parking parking) {

    /**
     * Axon's sequenced dead-letter queue for event processors, in the service's own database
     * ({@code dead_letter_entry}).
     *
     * @param enabled         park failing events instead of stopping the projection (on by default)
     * @param excludedGroups  processing groups that never park: the Kafka publisher must publish every event in
     *                        order, so it stops and retries instead
     * @param maxSequences    parked sequences (aggregates) a projection may hold before it stops instead
     * @param maxSequenceSize parked events per sequence before the projection stops instead
     * @param claimDuration   how long a retry holds a parked sequence before another retry may take it
     */
    public record Parking(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("kafka-publisher") Set<String> excludedGroups,
            @DefaultValue("1024") int maxSequences,
            @DefaultValue("1024") int maxSequenceSize,
            @DefaultValue("30s") Duration claimDuration) {

        public boolean parks(String processingGroup) {
            return enabled && !excludedGroups.contains(processingGroup);
        }
    }
}
