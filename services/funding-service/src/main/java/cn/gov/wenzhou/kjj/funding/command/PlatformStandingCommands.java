package cn.gov.wenzhou.kjj.funding.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What funding's {@link PlatformStanding} replica is asked: to note a standing as the registry published it.
 */
public sealed interface PlatformStandingCommands {

    /**
     * A platform's standing as the registry published it ({@code PlatformStandingChanged} on {@code
     * registry.platform.v2}),
     * whole: funding-service records it as it is.
     *
     * @param level         the level of the current recognition; null unless recognized (also under rectification)
     * @param sourceEventId the registry standing's {@code ce_id}, kept for the audit trail
     * @param observedAt    when the registry recorded the change ({@code ce_time})
     */
    record RecordPlatformStanding(@TargetAggregateIdentifier String platformId, String creditCode, String name,
                                      Standing standing, String level, String sourceEventId, Instant observedAt)
                                              implements PlatformStandingCommands {
    }
}
