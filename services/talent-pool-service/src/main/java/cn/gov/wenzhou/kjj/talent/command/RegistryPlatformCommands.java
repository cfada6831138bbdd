package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What talent's {@link RegistryPlatform} record is asked: to note a platform's standing as the registry published
 * it.
 */
public sealed interface RegistryPlatformCommands {

    /**
     * The platform's standing as the registry published it ({@code PlatformStandingChanged}), whole.
     *
     * @param level         the level of the current recognition; null unless recognized (also under rectification)
     * @param effectiveOn   the business date of the change
     * @param sourceEventId the registry standing's {@code ce_id}
     */
    record NotePlatformStatus(@TargetAggregateIdentifier String platformId, String creditCode, String name,
                              RegistryPlatform.Status status, String level, LocalDate effectiveOn, String sourceEventId,
                              Instant observedAt) implements RegistryPlatformCommands {
    }
}
