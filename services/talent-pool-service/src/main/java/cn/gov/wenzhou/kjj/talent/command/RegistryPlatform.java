package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.platforms.NotedPlatforms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The talent service's own record of a registry platform, fed by {@code registry.platform.v1}: which employers are
 * registered platforms, so that an admission can name the platform for the registry's "researchers gathered".
 */
@Aggregate
public class RegistryPlatform {

    public enum Status { REGISTERED, RECOGNIZED, REVOKED }

    /**
     * @param name          null when the registry event does not carry it (then the known name is kept)
     * @param level         recognition level, when the event carries one
     * @param sourceEventId the registry event's {@code ce_id}
     */
    public record NotePlatformStatus(@TargetAggregateIdentifier String platformId, String creditCode, String name,
                                     Status status, String level, LocalDate effectiveOn, String sourceEventId,
                                     Instant observedAt) {
    }

    public record PlatformStatusNoted(String platformId, String creditCode, String name, Status status, String level,
                                      LocalDate effectiveOn, String sourceEventId, Instant observedAt) {
    }

    @AggregateIdentifier
    private String platformId;
    private String name;
    private String level;

    protected RegistryPlatform() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(NotePlatformStatus command, NotedPlatforms platforms) {
        if (command.creditCode() != null) {
            // in this command's transaction: the admission that names the employer's platform reads it
            platforms.note(command.platformId(), command.creditCode(), command.observedAt());
        }
        apply(new PlatformStatusNoted(command.platformId(), command.creditCode(),
                command.name() != null ? command.name() : name, command.status(),
                command.level() != null ? command.level() : level, command.effectiveOn(), command.sourceEventId(),
                command.observedAt()));
    }

    @EventSourcingHandler
    void on(PlatformStatusNoted event) {
        platformId = event.platformId();
        name = event.name();
        level = event.level();
    }
}
