package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.support.failure.DependencyUnavailableException;
import cn.gov.wenzhou.kjj.support.failure.TransientFailures;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Optional;

/**
 * How every listener of every service treats a failing record. The container keeps the failing record and everything
 * after it in its partition ("seek to current"), so nothing behind it is consumed before it, and then:
 * <ul>
 *     <li>a failure that will pass ({@link TransientFailures}: the database or broker away, a lock or serialization
 *     conflict, a timeout) is retried with exponential back-off up to {@code transient-retry-max-interval}, for as long
 *     as it takes, and is never dead-lettered;</li>
 *     <li>a malformed or refused record goes to the dead letters at once;</li>
 *     <li>any other failure is the record's: {@code retry-attempts} deliveries {@code retry-interval} apart, then the
 *     dead letters ({@link DeadLetterRecoverer}), and consumption goes on.</li>
 * </ul>
 */
public final class ConsumerErrorHandling {

    public static final String TRANSIENT_METRIC = "stb.kafka.consumer.transient.failures";
    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);
    /** A record waiting for a dependency is logged at its first attempt and every this many after. */
    private static final int LOG_EVERY = 10;

    private ConsumerErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(ConsumerAwareRecordRecoverer recoverer,
                                                   StbKafkaProperties properties, MeterRegistry meters) {
        BackOff poison = new FixedBackOff(properties.retryInterval().toMillis(),
                Math.max(0, properties.retryAttempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, poison);
        // the back-off is chosen by the root of the cause chain: InboundIntegrationEvents makes it the transient one
        handler.setBackOffFunction((record, root) -> willPass(root) ? untilItPasses(properties) : poison);
        handler.addNotRetryableExceptions(MalformedIntegrationEventException.class, JsonProcessingException.class);
        handler.setRetryListeners(new Logging(properties, meters));
        return handler;
    }

    private static boolean willPass(Exception root) {
        return root instanceof DependencyUnavailableException || TransientFailures.isTransient(root);
    }

    private static BackOff untilItPasses(StbKafkaProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.transientRetryMaxInterval().toMillis());
        return backOff; // no maximum elapsed time, no maximum attempts
    }

    private static final class Logging implements RetryListener {

        private final StbKafkaProperties properties;
        private final MeterRegistry meters;

        private Logging(StbKafkaProperties properties, MeterRegistry meters) {
            this.properties = properties;
            this.meters = meters;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int attempt) {
            Optional<String> dependency = TransientFailures.dependencyOf(exception);
            String ceId = HeaderText.echoHeader(record, CloudEventHeaders.ID);
            if (dependency.isPresent()) {
                countWait(record, dependency.get());
                if (attempt == 1 || attempt % LOG_EVERY == 0) {
                    log.warn("{} (ce_id {}) waits for the {}: delivery {} failed, retrying with back-off up to {} "
                                    + "(never dead-lettered): {}", DeadLetterRecoverer.position(record), ceId,
                            dependency.get(), attempt, properties.transientRetryMaxInterval(),
                            TransientFailures.summary(exception));
                }
            } else {
                log.warn("{} (ce_id {}) failed, delivery {} of {}: {}", DeadLetterRecoverer.position(record), ceId,
                        attempt, properties.retryAttempts(), DeadLetterRecoverer.reason(exception));
            }
        }

        /**
         * A record that is the record's fault cannot be dead-lettered while the database is away (the dead letter is
         * stored there): it waits for the database like any other record, and is counted and said as waiting, so an
         * outage shows the same whichever record happens to be at the head of a partition.
         */
        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            Optional<String> dependency = TransientFailures.dependencyOf(failure);
            String ceId = HeaderText.echoHeader(record, CloudEventHeaders.ID);
            if (dependency.isPresent()) {
                countWait(record, dependency.get());
                log.warn("{} (ce_id {}) waits for the {}: it cannot be dead-lettered until then, delivered again: {}",
                        DeadLetterRecoverer.position(record), ceId, dependency.get(),
                        TransientFailures.summary(failure));
            } else {
                log.warn("{} (ce_id {}) not dead-lettered, delivered again: {}", DeadLetterRecoverer.position(record),
                        ceId, TransientFailures.summary(failure));
            }
        }

        private void countWait(ConsumerRecord<?, ?> record, String dependency) {
            Counter.builder(TRANSIENT_METRIC)
                    .description("deliveries that failed because a dependency was away; retried, never dead-lettered")
                    .tag("topic", record.topic()).tag("dependency", dependency)
                    .register(meters).increment();
        }
    }
}
