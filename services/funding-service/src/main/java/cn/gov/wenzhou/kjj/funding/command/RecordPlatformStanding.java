package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * What the registry published about a platform, as funding-service takes note of it. A null name, standing or level
 * means "unchanged by this news" (a rectification notice carries no name, an upgrade no standing).
 *
 * @param sourceEventId the registry event's {@code ce_id}, kept for the audit trail
 * @param observedAt    when the registry recorded the change ({@code ce_time})
 */
public record RecordPlatformStanding(@TargetAggregateIdentifier String platformId, String creditCode, String name,
                                     Standing standing, String level, String sourceEventId, Instant observedAt) {
}
