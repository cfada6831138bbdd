package cn.gov.wenzhou.kjj.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.Message;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The W3C trace context carried in an Axon message's metadata ({@code traceparent}, {@code tracestate}), so that a
 * trace survives the hop from the thread that handled a command to the tracking processor that publishes its events
 * (or handles them later). Only the trace context: no baggage, so nothing a caller sent along (nor any personal
 * data) is ever stored with an event.
 */
public final class MessageTraces {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    static final Set<String> KEYS = Set.of(TRACEPARENT, TRACESTATE);

    private static final MessageTraces NONE = new MessageTraces(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public MessageTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Where there is no tracer (a test wiring the publisher by hand): nothing is traced. */
    public static MessageTraces none() {
        return NONE;
    }

    /** The current span's trace context as message metadata; empty outside a span. */
    public Map<String, String> ofCurrentSpan() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current.context(), carrier, (map, key, value) -> {
            if (map != null && KEYS.contains(key)) {
                map.put(key, value);
            }
        });
        return carrier;
    }

    /**
     * Runs {@code work} in a producer span named {@code name} that continues the trace {@code message} carries; without a
     * message, or one that carries none (stored before tracing, caused by no traced request), the current span's
     * trace, if any.
     */
    public void inTraceOf(Message<?> message, String name, Map<String, String> tags, Runnable work) {
        Map<String, String> carrier = new HashMap<>();
        if (message != null) {
            KEYS.forEach(key -> {
                if (message.getMetaData().get(key) instanceof String text) {
                    carrier.put(key, text);
                }
            });
        }
        Span current = tracer.currentSpan();
        Span.Builder builder = !carrier.isEmpty() ? propagator.extract(carrier, Map::get)
                : current != null ? tracer.spanBuilder().setParent(current.context())
                : tracer.spanBuilder().setNoParent();
        Span span = builder.name(name).kind(Span.Kind.PRODUCER).start();
        tags.forEach(span::tag);
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException | Error failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }
}
