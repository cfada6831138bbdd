package cn.gov.wenzhou.kjj.support.security;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every command carries who caused it ({@code actor}, {@code actorRole} metadata): the authenticated caller, or
 * {@code system:<service>} for what the service does on its own (Kafka listeners, demo data). Axon copies both keys
 * onto every event the command produces, so timelines and audit trails can say who did it.
 */
@AutoConfiguration(after = AxonAutoConfiguration.class)
public class ActorMetadataAutoConfiguration {

    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Actor.SUBJECT_KEY, Actor.ROLE_KEY);
    }

    @Bean
    public SmartInitializingSingleton actorOnEveryCommand(CommandBus commandBus,
                                                          @Value("${spring.application.name}") String service) {
        return () -> commandBus.registerDispatchInterceptor(new ActorDispatchInterceptor(service));
    }

    static final class ActorDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

        private final String service;

        ActorDispatchInterceptor(String service) {
            this.service = service;
        }

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                if (command.getMetaData().containsKey(Actor.SUBJECT_KEY)) {
                    return command;
                }
                Actor actor = CurrentActor.get().orElseGet(() -> Actor.system(service));
                Map<String, Object> metadata = new HashMap<>();
                metadata.put(Actor.SUBJECT_KEY, actor.subject());
                metadata.put(Actor.ROLE_KEY, actor.primaryRole());
                return command.andMetaData(metadata);
            };
        }
    }
}
