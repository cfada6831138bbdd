package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Moves a recognized platform to a higher level (e.g. municipal → provincial). */
public record UpgradePlatform(
        @TargetAggregateIdentifier String platformId,
        Level toLevel,
        String documentNumber,
        LocalDate upgradedOn,
        LocalDate today) {
}
