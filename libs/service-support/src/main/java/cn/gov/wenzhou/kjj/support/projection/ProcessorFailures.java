package cn.gov.wenzhou.kjj.support.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event each processor last failed on, seen by an interceptor around every event handler: Axon's own status only
 * says that a processor is in error, not on which event, and a projection whose replay stops on one event must be
 * able to say which one. An event a projection parks never reaches here (the dead-letter queue takes it inside the
 * invoker); what does is what stopped the processor.
 */
public class ProcessorFailures {

    private static final int MAX_CAUSE = 300;

    /**
     * @param globalIndex    the event's position in the store
     * @param eventId        the event's identifier
     * @param eventType      its payload type (simple name)
     * @param aggregateId    the aggregate it belongs to, when it is a domain event
     * @param sequenceNumber its number within the aggregate, when it is a domain event
     * @param cause          the exception (type: message, truncated)
     * @param firstFailedAt  when it failed first
     * @param attempts       how often it has been tried and failed
     */
    public record FailedEvent(long globalIndex, String eventId, String eventType, String aggregateId,
                              Long sequenceNumber, String cause, Instant firstFailedAt, int attempts) {

        FailedEvent again() {
            return new FailedEvent(globalIndex, eventId, eventType, aggregateId, sequenceNumber, cause, firstFailedAt,
                    attempts + 1);
        }

        /** For a log line: where, never the payload or the cause's message (either may hold personal data). */
        String describe() {
            return "#" + globalIndex + " (" + eventType + " " + eventId
                    + (aggregateId == null ? "" : " of aggregate " + aggregateId + " seq " + sequenceNumber) + ")";
        }
    }

    private final Clock clock;
    private final Map<String, FailedEvent> last = new ConcurrentHashMap<>();

    public ProcessorFailures(Clock clock) {
        this.clock = clock;
    }

    /** The event {@code processor} last failed on, if it has failed since it started or was last rebuilt. */
    public Optional<FailedEvent> of(String processor) {
        return Optional.ofNullable(last.get(processor));
    }

    /** Forgets {@code processor}'s failure: its rebuild starts over from the first event. */
    void clear(String processor) {
        last.remove(processor);
    }

    /** Registered for every event processor (the default handler interceptor of Axon's event processing). */
    public MessageHandlerInterceptor<EventMessage<?>> interceptorFor(String processor) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                 InterceptorChain interceptorChain) throws Exception {
                try {
                    return interceptorChain.proceed();
                } catch (Exception | Error failure) {
                    record(processor, unitOfWork.getMessage(), failure);
                    throw failure;
                }
            }
        };
    }

    private void record(String processor, EventMessage<?> event, Throwable failure) {
        last.compute(processor, (name, previous) -> previous != null && previous.eventId().equals(event.getIdentifier())
                ? previous.again()
                : failedEvent(event, failure));
    }

    private FailedEvent failedEvent(EventMessage<?> event, Throwable failure) {
        long globalIndex = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        String cause = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": "
                + failure.getMessage());
        return new FailedEvent(globalIndex, event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregateId,
                sequence, cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE) + "…" : cause, clock.instant(),
                1);
    }
}
