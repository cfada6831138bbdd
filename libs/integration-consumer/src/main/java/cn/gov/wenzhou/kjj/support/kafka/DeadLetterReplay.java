package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.support.failure.DependencyUnavailableException;
import cn.gov.wenzhou.kjj.support.failure.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Gives a dead letter to the listener that gave up on it, once the cause is fixed (a deployment, a record the
 * producer re-sent correctly). The record goes to the very method that consumes its topic, in this service, as it
 * was read; it is not produced back to the topic (the service may not write another service's topic, and the other
 * consumers of that topic must not see it twice).
 *
 * <p>Idempotent: the listener applies a {@code ce_id} once, so a replay of a record that was applied meanwhile changes
 * nothing, and a dead letter leaves PENDING only once. A replay that fails again leaves it PENDING with the failure.
 *
 * <p>The record is delivered on the caller's thread: a caller that carries an identity (an operator's request) should
 * clear it first, so the effect's commands are recorded as the service's own, as when the container delivers them.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final DeadLetterStore store;
    private final KafkaListenerEndpointRegistry listeners;
    private final DeadLetterMonitor monitor;

    public DeadLetterReplay(DeadLetterStore store, KafkaListenerEndpointRegistry listeners,
                            DeadLetterMonitor monitor) {
        this.store = store;
        this.listeners = listeners;
        this.monitor = monitor;
    }

    /** The outcome of replaying one dead letter. */
    public record Outcome(long id, DeadLetter.Status status, String failure) {
    }

    /** A replay or discard this dead letter's state does not allow, named by a stable rule code. */
    public static class Refused extends RuntimeException {

        private final String rule;

        public Refused(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** Empty when there is no such dead letter. */
    public Optional<DeadLetter> replay(long id, String operator) {
        Optional<DeadLetter> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter letter = found.get();
        if (letter.status() == DeadLetter.Status.REPLAYED) {
            return Optional.of(letter.withoutData());
        }
        if (letter.status() == DeadLetter.Status.DISCARDED) {
            throw new Refused("dead-letter.discarded",
                    "dead letter " + id + " was discarded by " + letter.resolvedBy() + "; it cannot be replayed");
        }
        MessageListenerContainer container = containerFor(letter).orElseThrow(() -> new Refused(
                "dead-letter.no-listener", "no listener of consumer group " + letter.consumerGroup()
                + " consumes " + letter.topic() + " any more"));
        ConsumerRecord<String, byte[]> record = store.recordOf(id).orElseThrow();
        try {
            deliver(container, record);
        } catch (RuntimeException e) {
            Throwable failure = e instanceof ListenerExecutionFailedException && e.getCause() != null
                    ? e.getCause() : e;
            if (TransientFailures.isTransient(failure)) {
                throw failure instanceof DependencyUnavailableException unavailable ? unavailable
                        : new DependencyUnavailableException(TransientFailures.dependencyOf(failure).orElseThrow(),
                        "replay of dead letter " + id + " waits: " + TransientFailures.summary(failure), failure);
            }
            String reason = DeadLetterRecoverer.reason(failure);
            store.markReplayFailed(id, reason);
            log.warn("replay of dead letter {} ({}) by {} failed again: {}", id,
                    DeadLetterRecoverer.position(record), operator, reason);
            throw new Refused("dead-letter.replay-failed",
                    "dead letter " + id + " still cannot be applied: " + reason);
        }
        if (store.markReplayed(id, operator, "applied by its listener again")) {
            log.info("dead letter {} ({}, ce_id {}) replayed by {}", id, DeadLetterRecoverer.position(record),
                    HeaderText.echoHeader(record, CloudEventHeaders.ID), operator);
        }
        monitor.refreshSoon();
        return store.find(id).map(DeadLetter::withoutData);
    }

    /**
     * Every PENDING dead letter, in the order its records were read. One that fails again stays PENDING and the others
     * go on; a dependency that is away stops the whole replay (answered {@code 503}).
     */
    public List<Outcome> replayAll(String operator) {
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : store.pendingIds()) {
            try {
                replay(id, operator).ifPresent(letter -> outcomes.add(new Outcome(id, letter.status(), null)));
            } catch (Refused e) {
                outcomes.add(new Outcome(id, DeadLetter.Status.PENDING, e.getMessage()));
            }
        }
        return outcomes;
    }

    /** Empty when there is no such dead letter. */
    public Optional<DeadLetter> discard(long id, String operator, String reason) {
        Optional<DeadLetter> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetter letter = found.get();
        if (letter.status() == DeadLetter.Status.REPLAYED) {
            throw new Refused("dead-letter.replayed",
                    "dead letter " + id + " was replayed; there is nothing to discard");
        }
        if (store.markDiscarded(id, operator, reason)) {
            log.warn("dead letter {} ({}-{}@{}) discarded by {}: {}", id, letter.topic(), letter.partition(),
                    letter.offset(), operator, reason);
        }
        monitor.refreshSoon();
        return store.find(id).map(DeadLetter::withoutData);
    }

    private Optional<MessageListenerContainer> containerFor(DeadLetter letter) {
        return listeners.getAllListenerContainers().stream()
                .filter(container -> letter.consumerGroup().equals(container.getGroupId()))
                .filter(container -> container.getContainerProperties().getTopics() != null
                        && Arrays.asList(container.getContainerProperties().getTopics()).contains(letter.topic()))
                .findFirst();
    }

    /** As the container would, but on this thread. */
    @SuppressWarnings("unchecked")
    private static void deliver(MessageListenerContainer container, ConsumerRecord<String, byte[]> record) {
        Object listener = container.getContainerProperties().getMessageListener();
        if (!(listener instanceof GenericMessageListener<?> generic)) {
            throw new IllegalStateException("the listener of " + record.topic() + " cannot be called directly");
        }
        ((GenericMessageListener<ConsumerRecord<String, byte[]>>) generic).onMessage(record, null, null);
    }
}
