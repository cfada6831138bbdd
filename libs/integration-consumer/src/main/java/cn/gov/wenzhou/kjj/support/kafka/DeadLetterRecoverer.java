package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.support.failure.DatabaseReachability;
import cn.gov.wenzhou.kjj.support.failure.DependencyUnavailableException;
import cn.gov.wenzhou.kjj.support.failure.TransientFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;

/**
 * What happens to a record its consumer gave up on: kept in {@link DeadLetterStore} (what operators replay), copied to
 * {@code <topic>.<service>.dlt} with the reason in {@value CloudEventHeaders#DEAD_LETTER_REASON}, counted, and logged
 * at ERROR with its topic, partition, offset and {@code ce_id}.
 *
 * <p>Never while a dependency is away: a failure that will pass, or any failure while the database does not answer, is
 * refused here (the record is delivered again, with back-off), because a dead-letter topic is for a record that can
 * never be applied, not for a database that is briefly away.
 */
public class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

    public static final String METRIC = "stb.kafka.dead.letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);
    private static final int MAX_REASON_CHARS = 2000;

    private final DeadLetterStore store;
    private final DeadLetterPublishingRecoverer topic;
    private final DatabaseReachability database;
    private final DeadLetterMonitor monitor;
    private final MeterRegistry meters;
    private final String service;

    public DeadLetterRecoverer(DeadLetterStore store, DeadLetterPublishingRecoverer topic,
                               DatabaseReachability database, DeadLetterMonitor monitor, MeterRegistry meters,
                               String service) {
        this.store = store;
        this.topic = topic;
        this.database = database;
        this.monitor = monitor;
        this.meters = meters;
        this.service = service;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        if (TransientFailures.isTransient(exception) || !database.answers()) {
            throw new DependencyUnavailableException(TransientFailures.DATABASE, "not dead-lettering "
                    + position(record) + " while a dependency is away: " + TransientFailures.summary(exception),
                    exception);
        }
        String reason = reason(exception);
        String group = groupOf(consumer);
        boolean added = store.add(record, group, reason);
        topic.accept(record, consumer, exception);
        if (added) {
            Counter.builder(METRIC).description("records a consumer gave up on (poison: never a dependency outage)")
                    .tag("topic", record.topic()).register(meters).increment();
            monitor.refreshSoon();
        }
        log.error("dead letter: {} (ce_id {}, ce_type {}) of consumer group {} sent to {}: {}", position(record),
                HeaderText.echoHeader(record, CloudEventHeaders.ID),
                HeaderText.echoHeader(record, CloudEventHeaders.TYPE), group,
                IntegrationConsumerAutoConfiguration.deadLetterTopic(record.topic(), service), reason);
    }

    /** The record's own reason when it is malformed or refused; otherwise the innermost cause. */
    static String reason(Throwable exception) {
        String reason = null;
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MalformedIntegrationEventException malformed) {
                reason = malformed.getMessage();
                break;
            }
        }
        if (reason == null) {
            reason = TransientFailures.summary(exception);
        }
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "…";
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String groupOf(Consumer<?, ?> consumer) {
        String group = KafkaUtils.getConsumerGroupId();
        if (group == null && consumer != null) {
            group = consumer.groupMetadata().groupId();
        }
        return group == null ? "unknown" : group;
    }
}
