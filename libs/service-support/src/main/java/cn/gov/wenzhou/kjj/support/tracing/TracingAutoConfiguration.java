package cn.gov.wenzhou.kjj.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import java.util.Map;

/**
 * One trace from a REST request to the consumer's effect in another service. Spring Boot's Micrometer Tracing
 * (OpenTelemetry bridge) traces the request and the listeners' records (their observation is on in
 * service-defaults.yml); what it cannot see is Axon's hop from the request's thread to the tracking processor that
 * publishes later. So every command carries the current span's W3C trace context in its metadata, Axon copies it onto
 * every event the command produces (and every command an event handler sends), and the publisher continues that
 * trace when it sends and writes it into the record ({@link MessageTraces#inTraceOf}).
 *
 * <p>Axon's own span factories are not used: axon-tracing-opentelemetry reads the JVM-wide {@code GlobalOpenTelemetry},
 * which Spring Boot does not register and which the dev stack, running three services in one JVM, could hold for one
 * of them only; axon-micrometer has metrics, not spans.
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
        OpenTelemetryTracingAutoConfiguration.class})
@ConditionalOnBean({Tracer.class, Propagator.class})
public class TracingAutoConfiguration {

    @Bean
    public MessageTraces messageTraces(Tracer tracer, Propagator propagator) {
        return new MessageTraces(tracer, propagator);
    }

    /** The trace context of a command goes on to the events it produces and the commands their handlers send. */
    @Bean
    public CorrelationDataProvider traceContextCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(MessageTraces.TRACEPARENT, MessageTraces.TRACESTATE);
    }

    /**
     * The span a command is sent in (the REST request's, a Kafka record's) is its trace; sent outside any span (a
     * tracking processor's handler), it keeps the trace Axon copied from the event that caused it.
     */
    @Bean
    public SmartInitializingSingleton traceContextOnEveryCommand(CommandBus commandBus, MessageTraces traces) {
        return () -> commandBus.registerDispatchInterceptor(commands -> (index, command) -> {
            Map<String, String> current = traces.ofCurrentSpan();
            return current.isEmpty() ? command : command.andMetaData(current);
        });
    }
}
