package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.platforms.NotedPlatforms;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatformCommands.NotePlatformStatus;
import cn.gov.wenzhou.kjj.talent.command.RegistryPlatformEvents.PlatformStatusNoted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The talent service's own record of a registry platform, fed by the standings on {@code registry.platform.v2}: which
 * employers are registered platforms, so that an admission can name the platform for the registry's "researchers
 * gathered", and where each stands, exactly as the registry published it (nothing is worked out or carried over).
 */
@Aggregate
public class RegistryPlatform {

    /** The registry's status of the platform, as published (its {@code PlatformStatus}). */
    public enum Status { REGISTERED, RECOGNIZED, UNDER_RECTIFICATION, REVOKED, REAPPLIED }

    @AggregateIdentifier
    private String platformId;

    protected RegistryPlatform() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(NotePlatformStatus command, NotedPlatforms platforms) {
        // in this command's transaction: the admission that names the employer's platform reads it
        platforms.note(command.platformId(), command.creditCode(), command.observedAt());
        apply(new PlatformStatusNoted(command.platformId(), command.creditCode(), command.name(), command.status(),
                command.level(), command.effectiveOn(), command.sourceEventId(), command.observedAt()));
    }

    @EventSourcingHandler
    void on(PlatformStatusNoted event) {
        platformId = event.platformId();
    }
}
