package cn.gov.wenzhou.kjj.support.projection;

import cn.gov.wenzhou.kjj.support.axon.TokenClaims;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

@AutoConfiguration(after = AxonAutoConfiguration.class)
public class ProjectionAutoConfiguration {

    @Bean
    public ParkedEvents parkedEvents(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        return new ParkedEvents(processing, jdbc);
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> parkedEventGauges(ParkedEvents parked,
                                                                        ObjectProvider<MeterRegistry> registry) {
        return ready -> registry.ifAvailable(parked::registerGauges);
    }

    @Bean
    public ProcessorFailures processorFailures(Clock clock) {
        return new ProcessorFailures(clock);
    }

    /** Every event processor tells {@link ProcessorFailures} which event it stopped on. */
    @Bean
    public ConfigurerModule processorFailuresInterceptor(ProcessorFailures failures) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultHandlerInterceptor((config, processor) -> failures.interceptorFor(processor)));
    }

    @Bean
    public ProjectionOperations projectionOperations(EventProcessingConfiguration processing, EventStore eventStore,
                                                     Clock clock, ParkedEvents parked,
                                                     ObjectProvider<ProcessorStall> stalls,
                                                     ProcessorFailures failures, TokenClaims claims) {
        return new ProjectionOperations(processing, eventStore, clock, parked, stalls.orderedStream().toList(),
                failures, claims);
    }

    @Bean
    public ProjectionsHealthIndicator projectionsHealthIndicator(ProjectionOperations projections) {
        return new ProjectionsHealthIndicator(projections);
    }
}
