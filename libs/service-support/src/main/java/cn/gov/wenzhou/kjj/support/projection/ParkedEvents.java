package cn.gov.wenzhou.kjj.support.projection;

import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The events a projection parked because it could not apply them (Axon's sequenced dead-letter queue, table
 * {@code dead_letter_entry}): what is parked, and the operator's two ways out — retry (after the cause is fixed) or
 * evict (the event will never apply; the view is rebuilt or corrected otherwise). A parked event holds back the later
 * events of its sequence (its aggregate), so the view never applies them out of order; other aggregates go on.
 *
 * <p>Reads go straight to the table (ids, types, causes: never the payload, which may hold personal data); retries
 * and evictions go through Axon, which claims a sequence so that two retries never run it twice.
 */
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);
    /** A page of parked events shown at once; an operator retries or evicts, then looks again. */
    public static final int MAX_LISTED = 500;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ParkedEvents(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /**
     * @param projection the processing group
     * @param events     parked events
     * @param sequences  aggregates held back (each by its first parked event)
     */
    public record Summary(String projection, long events, long sequences) {
    }

    /**
     * One parked event.
     *
     * @param id                the dead letter's id, for eviction
     * @param sequence          the sequence it holds back: the aggregate's id
     * @param index             its place in that sequence, from 0 (the first one failed; the later ones wait)
     * @param eventId           the event's id in the event store
     * @param eventType         the event's payload type
     * @param aggregateSequence the event's sequence number in its aggregate
     * @param parkedAt          when it was parked
     * @param lastTriedAt       when it was last tried (parked or retried)
     * @param causeType         the exception that stopped it ({@code null} for an event waiting behind another)
     * @param causeMessage      its message, truncated to 1023 characters
     */
    public record Parked(String id, String sequence, long index, String eventId, String eventType,
                         Long aggregateSequence, Instant parkedAt, Instant lastTriedAt, String causeType,
                         String causeMessage) {
    }

    /**
     * @param sequencesTried  sequences a retry was attempted on
     * @param sequencesCleared sequences that applied completely and left the queue
     * @param stillParked      events of the projection still parked afterwards
     */
    public record RetryOutcome(String projection, int sequencesTried, int sequencesCleared, long stillParked) {
    }

    /** Every projection that parks, with its counts (zero when nothing is parked). */
    public List<Summary> summaries() {
        Map<String, long[]> counts = counts();
        return parkingProjections().stream()
                .map(name -> {
                    long[] count = counts.getOrDefault(name, new long[2]);
                    return new Summary(name, count[0], count[1]);
                })
                .toList();
    }

    public Summary summary(String projection) {
        requireParking(projection);
        long[] count = counts().getOrDefault(projection, new long[2]);
        return new Summary(projection, count[0], count[1]);
    }

    /** Events parked by a projection, sequence by sequence, at most {@value #MAX_LISTED}. */
    public List<Parked> list(String projection) {
        requireParking(projection);
        return jdbc.query("""
                        select dead_letter_id, sequence_identifier, sequence_index, event_identifier, payload_type,
                               sequence_number, enqueued_at, last_touched, cause_type, cause_message
                        from dead_letter_entry where processing_group = ?
                        order by enqueued_at, sequence_identifier, sequence_index limit ?""",
                ParkedEvents::parked, projection, MAX_LISTED);
    }

    /** Number of events a projection has parked; {@code 0} for one that does not park. */
    public long count(String projection) {
        if (processing.deadLetterQueue(projection).isEmpty()) {
            return 0;
        }
        Long count = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?",
                Long.class, projection);
        return count == null ? 0 : count;
    }

    /**
     * Retries every parked sequence of a projection once, in order: each sequence from its first event; a sequence
     * whose first event applies goes on with the next, and leaves the queue when all applied. An event that fails
     * again stays parked with the new cause.
     */
    public RetryOutcome retryAll(String projection) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(projection);
        Set<String> tried = new HashSet<>();
        int cleared = 0;
        long bound = summary(projection).sequences();
        for (long attempt = 0; attempt < bound; attempt++) {
            String[] claimed = new String[1];
            boolean applied = processor.process(letter -> {
                String sequence = sequenceOf(letter);
                if (tried.contains(sequence)) {
                    return false;
                }
                claimed[0] = sequence;
                return true;
            });
            if (claimed[0] == null) {
                break;
            }
            tried.add(claimed[0]);
            if (applied) {
                cleared++;
            }
        }
        RetryOutcome outcome = new RetryOutcome(projection, tried.size(), cleared, count(projection));
        log.info("retry of parked events of projection {}: {} sequence(s) tried, {} cleared, {} event(s) still parked",
                projection, outcome.sequencesTried(), outcome.sequencesCleared(), outcome.stillParked());
        return outcome;
    }

    /** Retries one sequence (an aggregate's parked events), from its first event. */
    public RetryOutcome retrySequence(String projection, String sequence) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(projection);
        if (!queue(projection).contains(sequence)) {
            throw new NotFoundException("parked sequence", sequence);
        }
        boolean applied = processor.process(letter -> sequence.equals(sequenceOf(letter)));
        RetryOutcome outcome = new RetryOutcome(projection, 1, applied ? 1 : 0, count(projection));
        log.info("retry of parked sequence {} of projection {}: {}", sequence, projection,
                applied ? "applied" : "still parked");
        return outcome;
    }

    /**
     * Removes one parked event for good: the projection will never apply it. The events behind it in its sequence stay
     * parked until retried.
     */
    public void evict(String projection, String id) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        List<String> sequences = jdbc.queryForList("select sequence_identifier from dead_letter_entry "
                + "where processing_group = ? and dead_letter_id = ?", String.class, projection, id);
        if (sequences.isEmpty()) {
            throw new NotFoundException("parked event", id);
        }
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequences.get(0))) {
            if (letter instanceof JpaDeadLetter<?> jpa && id.equals(jpa.getId())) {
                queue.evict(letter);
                log.warn("parked event {} of projection {} evicted by an operator: it will not be applied", id,
                        projection);
                return;
            }
        }
        throw new NotFoundException("parked event", id);
    }

    /**
     * {@code stb.projection.parked.events}: events parked per projection, read at each scrape. Registered once the
     * service is up, when Axon has built its processors.
     */
    public void registerGauges(MeterRegistry registry) {
        for (String projection : parkingProjections()) {
            Gauge.builder("stb.projection.parked.events", this, parked -> parked.count(projection))
                    .description("Events a projection could not apply and parked for an operator")
                    .tag("projection", projection)
                    .register(registry);
        }
    }

    /** Names of the projections (processing groups) that park failing events. */
    public List<String> parkingProjections() {
        return new TreeMap<>(processing.eventProcessors()).keySet().stream()
                .filter(name -> processing.deadLetterQueue(name).isPresent())
                .toList();
    }

    private Map<String, long[]> counts() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.query("select processing_group, count(*), count(distinct sequence_identifier) from dead_letter_entry "
                + "group by processing_group", rs -> {
            counts.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
        });
        return counts;
    }

    private void requireParking(String projection) {
        if (processing.deadLetterQueue(projection).isEmpty()) {
            throw new NotFoundException("projection that parks events", projection);
        }
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String projection) {
        return processing.deadLetterQueue(projection)
                .orElseThrow(() -> new NotFoundException("projection that parks events", projection));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String projection) {
        return processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new NotFoundException("projection that parks events", projection));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JpaDeadLetter<?> jpa ? jpa.getSequenceIdentifier() : null;
    }

    private static Parked parked(ResultSet rs, int row) throws SQLException {
        return new Parked(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                (Long) rs.getObject(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getString(9),
                rs.getString(10));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
