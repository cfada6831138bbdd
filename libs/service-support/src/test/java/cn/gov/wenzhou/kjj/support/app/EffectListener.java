package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.kafka.InboundIntegrationEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Consumes the registry topic and writes one row per applied event; subjects in {@link #failing} always fail. */
@Component
public class EffectListener {

    public static final String CONSUMER = "support-test.effects";

    public final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** The subjects whose effect ran inside an Axon unit of work (so processors wake only after the commit). */
    public final Set<String> inUnitOfWork = ConcurrentHashMap.newKeySet();
    /** The trace each subject's effect ran in (the span current while it ran). */
    public final Map<String, String> traceIds = new ConcurrentHashMap<>();
    private final InboundIntegrationEvents inbound;
    private final JdbcTemplate jdbc;
    private final SynchronousCommitSeen synchronousCommit;
    private final Tracer tracer;

    public EffectListener(InboundIntegrationEvents inbound, JdbcTemplate jdbc,
                          SynchronousCommitSeen synchronousCommit, Tracer tracer) {
        this.inbound = inbound;
        this.jdbc = jdbc;
        this.synchronousCommit = synchronousCommit;
        this.tracer = tracer;
    }

    @KafkaListener(topics = Topics.REGISTRY_PLATFORM_V1)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.apply(record, CONSUMER, received -> {
            if (CurrentUnitOfWork.isStarted()) {
                inUnitOfWork.add(received.subject());
            }
            Span current = tracer.currentSpan();
            if (current != null) {
                traceIds.put(received.subject(), current.context().traceId());
            }
            jdbc.update("insert into test_effect (message_id, subject) values (?, ?)", received.id(),
                    received.subject());
            synchronousCommit.record("consumer", received.subject());
            if (failing.contains(received.subject())) {
                throw new IllegalStateException("effect refused for this subject");
            }
        });
    }
}
