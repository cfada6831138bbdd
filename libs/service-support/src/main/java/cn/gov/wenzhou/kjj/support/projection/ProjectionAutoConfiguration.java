package cn.gov.wenzhou.kjj.support.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

@AutoConfiguration(after = AxonAutoConfiguration.class)
public class ProjectionAutoConfiguration {

    @Bean
    public ProjectionOperations projectionOperations(EventProcessingConfiguration processing, EventStore eventStore,
                                                     Clock clock) {
        return new ProjectionOperations(processing, eventStore, clock);
    }
}
