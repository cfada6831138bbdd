package cn.gov.wenzhou.kjj.support.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Set;

/**
 * Defaults for every event processor of a service: Axon's pooled streaming processors, whose work is split into
 * segments claimed through the token store ({@code token_entry}), so that several instances of a service share it and
 * a stopped instance's segments move to the others.
 *
 * <p>Failover: an instance that stops gracefully releases its claims, and the others take its segments within
 * {@code 2 × token-claim-interval} (4 s by default). One that is killed keeps its claims until they are older than
 * {@code claim-timeout}: the others take over within {@code claim-timeout + 2 × token-claim-interval} (14 s by
 * default) of the kill.
 *
 * @param batchSize               events per transaction; ~100 made replays about ten times faster than 1
 * @param initialSegmentCount     segments a processor's work is split into when its tokens are first created (a new
 *                                database, a new processor, a rebuilt one after its tokens were deleted): up to this
 *                                many instances share a processor. Four: two instances with room for four; each
 *                                segment costs a token row and, idle, a claim refresh every
 *                                {@code claim-extension-threshold} (funding's nine processors: 18 small updates a
 *                                second), and every segment reads the same stream, filtering out the others' events.
 *                                Existing tokens keep their count (Axon reads it from the token store); a segment is
 *                                split or merged with Axon's {@code splitSegment}/{@code mergeSegment}
 * @param maxClaimedSegments      the most segments of one processor an instance claims; unset: a fair share,
 *                                {@code ceil(segments / live instances)}, so that instances balance and a survivor
 *                                takes the segments of one that stopped. A fixed cap below the segment count leaves
 *                                segments unprocessed when too few instances run
 * @param tokenClaimInterval      how often a processor tries to claim segments no live instance holds
 * @param claimExtensionThreshold how often a processor refreshes the claims it holds (while idle, and while a long
 *                                batch runs); well below {@code claimTimeout}
 * @param claimTimeout            a claim not refreshed for this long belongs to a dead instance and may be taken over
 *                                (the token store's claim timeout)
 * @param workerThreads           threads per processor that handle its segments' batches, each batch a transaction
 *                                holding a connection: one, as the tracking processors had, keeps a service's
 *                                processors (nine in funding) within the 12-connection pool beside its requests;
 *                                segments are shared between instances either way
 * @param fetchBatch              events per query when the event store streams to a processor or loads an aggregate
 *                                (Axon's default 100): a rebuild reads its history in fewer round trips
 * @param nodeId                  who holds a claim in the token store; unset: the JVM's {@code pid@host} with a
 *                                random suffix, so that two Spring contexts in one JVM are two owners
 * @param parking                 how a projection parks an event it cannot apply
 */
@ConfigurationProperties("stb.event-processing")
public record EventProcessingProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("4") int initialSegmentCount,
        Integer maxClaimedSegments,
        @DefaultValue("2s") Duration tokenClaimInterval,
        @DefaultValue("2s") Duration claimExtensionThreshold,
        @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("1") int workerThreads,
        @DefaultValue("1000") int fetchBatch,
        String nodeId,
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
