package cn.gov.wenzhou.kjj.support.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who holds which segment of the service's processors in the token store ({@code token_entry}), and how many
 * instances of the service are alive to share them.
 *
 * <p>Axon's pooled streaming processor claims every free segment it may ({@code maxClaimedSegments}) and never gives
 * one back by itself: the first instance up would hold them all. So each instance announces itself in the token store
 * (a row of the pseudo-processor {@value #INSTANCES}, refreshed every {@code claim-extension-threshold} and deleted when
 * the context closes) and claims at most its fair share, {@code ceil(segments / live instances)}: a newcomer makes the
 * others release their surplus, and an instance that stops (its row deleted) or dies (its row older than
 * {@code claim-timeout}, like its claims) leaves its share to the survivors. Axon's timestamps are wall-clock
 * instants, as here: the instances' clocks must agree to well within the claim timeout, as Axon's own claims require.
 */
public class TokenClaims implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TokenClaims.class);
    /** The pseudo-processor whose rows are the live instances; Axon's own pseudo-processor is {@code __config}. */
    public static final String INSTANCES = "__instance";
    private static final Duration STALE_ROW_KEPT = Duration.ofMinutes(1);

    /**
     * One segment's token.
     *
     * @param segment   the segment id
     * @param owner     the node holding it, or null when free
     * @param claimedAt when its owner last stored or extended it
     * @param position  the global index it has processed up to ({@code -1}: none yet, or unknown)
     * @param held      an owner holds it and its claim is younger than the claim timeout
     * @param mine      this instance holds it
     */
    public record Claim(int segment, String owner, Instant claimedAt, long position, boolean held, boolean mine) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final String nodeId;
    private final Duration claimTimeout;
    private final Integer maxClaimedSegments;
    private final Duration cacheFor;
    private final int instanceSegment;
    private final Map<String, Cached> segmentCounts = new ConcurrentHashMap<>();
    private volatile Cached liveInstances;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "token-claims-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean heartbeatFailing;

    public TokenClaims(JdbcTemplate jdbc, Serializer tokenSerializer, EventProcessingProperties properties) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.nodeId = properties.nodeId() != null && !properties.nodeId().isBlank() ? properties.nodeId()
                : ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.claimTimeout = properties.claimTimeout();
        this.maxClaimedSegments = properties.maxClaimedSegments();
        this.cacheFor = properties.tokenClaimInterval().dividedBy(2);
        this.instanceSegment = nodeId.hashCode() & Integer.MAX_VALUE;
    }

    /** Announces this instance now and every {@code interval} until the context closes. */
    public TokenClaims announceEvery(Duration interval) {
        announce();
        heartbeat.scheduleWithFixedDelay(this::announce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** The owner this instance writes into the token store. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Axon's {@code MaxSegmentProvider}: the configured cap, or this instance's fair share of {@code processor}'s
     * segments (all of them while the processor has no tokens yet).
     */
    public int maxSegments(String processor) {
        if (maxClaimedSegments != null) {
            return maxClaimedSegments;
        }
        int segments = segmentCount(processor);
        if (segments == 0) {
            return Short.MAX_VALUE;
        }
        int instances = Math.max(1, liveInstanceCount());
        return Math.max(1, (segments + instances - 1) / instances);
    }

    /** Instances whose announcement is younger than the claim timeout, this one included. */
    public int liveInstanceCount() {
        Cached cached = liveInstances;
        if (cached != null && cached.fresh(now())) {
            return cached.value;
        }
        Instant now = now();
        List<Claim> rows = claims(INSTANCES);
        long others = rows.stream().filter(Claim::held).map(Claim::owner).filter(owner -> !nodeId.equals(owner))
                .distinct().count();
        int count = (int) others + 1;
        liveInstances = new Cached(count, now.plus(cacheFor));
        return count;
    }

    /** Every segment of {@code processor} in the token store, by segment id. */
    public List<Claim> claims(String processor) {
        Instant now = now();
        return jdbc.query("select segment, owner, timestamp, token, token_type from token_entry "
                        + "where processor_name = ? order by segment",
                (row, n) -> {
                    String owner = row.getString("owner");
                    Instant claimedAt = DateTimeUtils.parseInstant(row.getString("timestamp"));
                    boolean held = owner != null && !claimedAt.plus(claimTimeout).isBefore(now);
                    return new Claim(row.getInt("segment"), owner, claimedAt,
                            position(row.getBytes("token"), row.getString("token_type")), held,
                            held && nodeId.equals(owner));
                }, processor);
    }

    /** Segments of {@code processor} that a live instance other than this one holds. */
    public List<Claim> heldElsewhere(String processor) {
        return claims(processor).stream().filter(claim -> claim.held() && !claim.mine()).toList();
    }

    private int segmentCount(String processor) {
        Instant now = now();
        Cached cached = segmentCounts.get(processor);
        if (cached != null && cached.fresh(now)) {
            return cached.value;
        }
        Integer count = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, processor);
        int segments = count == null ? 0 : count;
        if (segments > 0) {
            segmentCounts.put(processor, new Cached(segments, now.plus(cacheFor)));
        }
        return segments;
    }

    private long position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return -1;
        }
        try {
            TrackingToken tracking = tokenSerializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
            OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
            return position.orElse(-1);
        } catch (RuntimeException unreadable) {
            return -1;
        }
    }

    private void announce() {
        try {
            String now = DateTimeUtils.formatInstant(now());
            jdbc.update("""
                    insert into token_entry (processor_name, segment, owner, timestamp) values (?, ?, ?, ?)
                    on conflict (segment, processor_name) do update set owner = excluded.owner,
                        timestamp = excluded.timestamp""", INSTANCES, instanceSegment, nodeId, now);
            Instant forgotten = now().minus(STALE_ROW_KEPT);
            for (Claim gone : claims(INSTANCES)) {
                if (!gone.held() && gone.claimedAt().isBefore(forgotten)) {
                    jdbc.update("delete from token_entry where processor_name = ? and segment = ? and timestamp = ?",
                            INSTANCES, gone.segment(), DateTimeUtils.formatInstant(gone.claimedAt()));
                }
            }
            if (heartbeatFailing) {
                heartbeatFailing = false;
                log.info("instance {} announced in the token store again", nodeId);
            }
        } catch (RuntimeException failed) {
            // the database is away: so are the processors' claims; the next beat tries again
            if (!heartbeatFailing) {
                heartbeatFailing = true;
                log.warn("instance {} could not announce itself in the token store ({}); retrying",
                        nodeId, failed.getClass().getSimpleName());
            }
        }
    }

    /** The context closes after the processors released their claims: the others may now take this one's share. */
    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        try {
            jdbc.update("delete from token_entry where processor_name = ? and owner = ?", INSTANCES, nodeId);
        } catch (RuntimeException away) {
            log.info("instance {} left its announcement in the token store ({}): it expires after {}", nodeId,
                    away.getClass().getSimpleName(), claimTimeout);
        }
    }

    private record Cached(int value, Instant until) {
        boolean fresh(Instant now) {
            return Objects.requireNonNull(now).isBefore(until);
        }
    }

    /**
     * The instant Axon's token store stamps its claims with: its own clock ({@link AbstractTokenEntry#clock}, wall
     * time), not the service's business clock, which a test may fix and which would then make every claim look fresh
     * or dead.
     */
    private static Instant now() {
        return AbstractTokenEntry.clock.instant();
    }
}
