package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * funding-service's own record of a registry platform's standing, fed by {@code registry.platform.v1}. Keeping it
 * as events (not just a table) means the standing at any past review date can be answered from history.
 */
@Aggregate
public class PlatformStanding {

    @AggregateIdentifier
    private String platformId;

    protected PlatformStanding() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPlatformStanding command) {
        apply(new PlatformStandingRecorded(command.platformId(), command.creditCode(), command.name(),
                command.standing(), command.level(), command.sourceEventId(), command.observedAt()));
    }

    @EventSourcingHandler
    void on(PlatformStandingRecorded event) {
        platformId = event.platformId();
    }
}
