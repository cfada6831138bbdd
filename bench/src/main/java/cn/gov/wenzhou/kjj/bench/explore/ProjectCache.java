package cn.gov.wenzhou.kjj.bench.explore;

import cn.gov.wenzhou.kjj.funding.command.FundedProject;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exploration only ({@code --with project-cache}): the funded project's repository with Axon's aggregate cache, as
 * {@code @Aggregate(cache = "...")} would configure it. A command on a cached project neither reads its snapshot nor
 * its events: it only appends.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectCache {

    @Bean
    public EventSourcingRepository<FundedProject> fundedProjectRepository(EventStore eventStore,
                                                                         ParameterResolverFactory parameters,
                                                                         HandlerDefinition handlers) {
        return EventSourcingRepository.builder(FundedProject.class)
                .eventStore(eventStore)
                .cache(new WeakReferenceCache())
                .parameterResolverFactory(parameters)
                .handlerDefinition(handlers)
                .build();
    }
}
