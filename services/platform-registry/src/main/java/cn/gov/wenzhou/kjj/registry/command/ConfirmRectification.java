package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Confirms that the rectification for a failed year is done (整改到位). */
public record ConfirmRectification(
        @TargetAggregateIdentifier String platformId,
        int year,
        LocalDate confirmedOn) {
}
