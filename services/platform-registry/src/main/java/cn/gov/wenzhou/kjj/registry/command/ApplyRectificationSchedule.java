package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the obligation sweep: apply a rectification notice's deadline as of {@code today} — remind before it, list
 * the rectification for the district authority's follow-up once it has passed unconfirmed. Idempotent.
 */
public record ApplyRectificationSchedule(@TargetAggregateIdentifier String platformId, int year, LocalDate today) {
}
