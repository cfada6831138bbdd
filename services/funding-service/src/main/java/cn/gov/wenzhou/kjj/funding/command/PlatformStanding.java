package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.PlatformStandingCommands.RecordPlatformStanding;
import cn.gov.wenzhou.kjj.funding.command.PlatformStandingEvents.PlatformStandingRecorded;
import cn.gov.wenzhou.kjj.support.platforms.NotedPlatforms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * funding-service's own record of a registry platform's standing, fed by {@code registry.platform.v2}: each standing
 * exactly as the registry published it (the registry decides status and level; nothing is worked out or carried over
 * here). Keeping it as events (not just a table) means the standing at any past review date can be answered from
 * history. Each event holds the whole standing after the change, so a reader never has to fold.
 */
@Aggregate
public class PlatformStanding {

    @AggregateIdentifier
    private String platformId;
    private Standing standing;

    protected PlatformStanding() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPlatformStanding command, NotedPlatforms platforms) {
        // in this command's transaction: a bid naming the platform by its credit code only reads it
        platforms.note(command.platformId(), command.creditCode(), command.observedAt());
        apply(new PlatformStandingRecorded(command.platformId(), command.creditCode(), command.name(),
                command.standing(), command.level(), command.sourceEventId(), command.observedAt()));
    }

    /** The standing as last recorded. */
    Standing standing() {
        return standing;
    }

    @EventSourcingHandler
    void on(PlatformStandingRecorded event) {
        platformId = event.platformId();
        standing = event.standing();
    }
}
