package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An innovation platform in the registry. Decides in command handlers; changes state only from its events. */
@Aggregate
public class Platform {

    @AggregateIdentifier
    private String platformId;

    protected Platform() {
    }

    @CommandHandler
    public Platform(RegisterPlatform command) {
        apply(new PlatformRegistered(command.platformId(), command.creditCode(), command.name(), command.district(),
                command.industry(), command.legalForm(), command.leadModel(), command.hosts(),
                command.registeredOn()));
    }

    @EventSourcingHandler
    void on(PlatformRegistered event) {
        platformId = event.platformId();
    }
}
