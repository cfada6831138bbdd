package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The reference subscriber: reads every published topic from the beginning and then follows live, the way an outside
 * system should (see docs/subscribers.md).
 *
 * <ul>
 *     <li>Replay: a consumer group with no committed offsets and {@code auto.offset.reset=earliest} starts at offset
 *     0 of every partition. Without {@code --group-id} each run uses a fresh group, so each run replays everything;
 *     with one, progress is committed after each batch and a restart resumes.</li>
 *     <li>Contract: each record's CloudEvents headers and key are checked, its value validated against the JSON Schema
 *     of its {@code ce_type} ({@link EventReader}). A bad record is reported and counted, and reading goes on.</li>
 *     <li>Idempotency: delivery is at least once, so a {@code ce_id} seen before is skipped. (A real subscriber keeps
 *     the ids it applied in its own store, in the same transaction as the effect; this one keeps them in memory.)</li>
 * </ul>
 */
public final class SampleSubscriber {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration JOIN_PATIENCE = Duration.ofSeconds(60);

    private final Options options;
    private final PrintStream out;
    private final EventReader reader = new EventReader();
    private final Tally tally = new Tally();
    private final Set<String> seenIds = new HashSet<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public SampleSubscriber(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(64);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SampleSubscriber subscriber = new SampleSubscriber(options, out);
        Runtime.getRuntime().addShutdownHook(new Thread(subscriber::stopAndAwait, "sample-subscriber-shutdown"));
        Tally tally = subscriber.run();
        if (!subscriber.stopping) { // after Ctrl-C the JVM is already exiting: System.exit would block
            System.exit(tally.invalidRecords() > 0 ? 2 : 0);
        }
    }

    /** Reads until stopped, idle for {@code --max-idle}, or {@code --max-events} records; prints the tally. */
    public Tally run() {
        String groupId = options.groupId() != null ? options.groupId() : options.username() + "." + UUID.randomUUID();
        boolean durable = options.groupId() != null;
        Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
        // the idle clock runs only once the group has assigned partitions: joining may take seconds
        long[] lastNews = {System.nanoTime()};
        boolean[] assigned = {false};
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config(groupId))) {
            consumer = kafka;
            out.printf("Reading %s from the beginning at %s as user %s, group %s%s%n",
                    String.join(", ", options.topics()), options.bootstrapServers(), options.username(), groupId, options.maxIdle() == null ? " (Ctrl-C to stop)" : "");
            kafka.subscribe(options.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(kafka, processed, durable);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned[0] = true;
                    lastNews[0] = System.nanoTime();
                }
            });
            try {
                while (!stopping && !enoughEvents()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                    for (ConsumerRecord<String, byte[]> record : records) {
                        handle(record);
                        processed.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                        if (enoughEvents() || stopping) {
                            break;
                        }
                    }
                    if (!records.isEmpty()) {
                        lastNews[0] = System.nanoTime();
                        commit(kafka, processed, durable);
                    } else if (assigned[0] && idleTooLong(lastNews[0])) {
                        break;
                    } else if (!assigned[0] && waitedTooLongToJoin(lastNews[0])) {
                        out.printf("No partitions assigned after %d s: is Kafka reachable at %s?%n",
                                JOIN_PATIENCE.toSeconds(), options.bootstrapServers());
                        break;
                    }
                }
            } catch (WakeupException e) {
                if (!stopping) {
                    throw e;
                }
            }
            try {
                commit(kafka, processed, durable);
            } catch (WakeupException e) {
                // stopped while committing: the group resumes a little earlier next time, and ce_ids deduplicate
            }
        } finally {
            consumer = null;
            tally.print(out);
            finished.countDown();
        }
        return tally;
    }

    /** Asks a running {@link #run()} to stop after the record in hand, and waits until it printed its tally. */
    public void stopAndAwait() {
        stopping = true;
        KafkaConsumer<String, byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        EventReader.Reading reading = reader.read(record);
        if (reading instanceof EventReader.Valid valid) {
            String type = shortType(valid.type());
            if (!seenIds.add(valid.id())) {
                tally.duplicate();
                out.printf("DUPLICATE  %s  ce_id %s seen before, skipped%n", where, valid.id());
                return;
            }
            tally.event(type);
            out.printf("%s  %s  %s  %s%n", valid.time(), type, valid.subject(), Summaries.of(valid.event()));
        } else if (reading instanceof EventReader.Invalid invalid) {
            tally.invalid();
            out.printf("INVALID  %s  %s: %s%n", where, invalid.type() == null ? "no ce_type" : shortType(invalid.type()),
                    String.join("; ", invalid.problems()));
        } else if (reading instanceof EventReader.UnknownType unknown) {
            tally.unknownType();
            out.printf("SKIPPED  %s  %s is unknown to this build (a newer publisher?)%n", where, unknown.type());
        }
    }

    private Properties config(String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        // signed in as a subscriber: the broker lets it read the published topics, in groups named after it
        config.putAll(KafkaAccess.clientProperties(options.username(), options.password()));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sample-subscriber");
        // a group without committed offsets starts at the beginning of every partition: the whole history
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a reader never creates a topic by asking for it
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    private void commit(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> processed,
                        boolean durable) {
        if (durable && !processed.isEmpty()) {
            kafka.commitSync(Map.copyOf(processed));
            processed.clear();
        }
    }

    private boolean enoughEvents() {
        return options.maxEvents() > 0 && tally.records() >= options.maxEvents();
    }

    /** With {@code --max-idle}, a broker that never lets us join stops the run too, later. */
    private boolean waitedTooLongToJoin(long startNanos) {
        return options.maxIdle() != null
                && System.nanoTime() - startNanos >= Math.max(options.maxIdle().toNanos(), JOIN_PATIENCE.toNanos());
    }

    private boolean idleTooLong(long lastNewsNanos) {
        return options.maxIdle() != null && System.nanoTime() - lastNewsNanos >= options.maxIdle().toNanos();
    }

    private static String shortType(String ceType) {
        return ceType.startsWith(IntegrationEventCatalog.TYPE_PREFIX)
                ? ceType.substring(IntegrationEventCatalog.TYPE_PREFIX.length())
                : ceType;
    }
}
