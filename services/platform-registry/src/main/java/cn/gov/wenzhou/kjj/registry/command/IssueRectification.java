package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Issued by the evaluation rules after a FAIL: a rectification notice (整改通知). Idempotent. */
public record IssueRectification(
        @TargetAggregateIdentifier String platformId,
        int year,
        LocalDate issuedOn) {
}
