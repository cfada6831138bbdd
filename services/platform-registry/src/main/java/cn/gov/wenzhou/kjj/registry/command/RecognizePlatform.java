package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records the bureau's recognition (认定) at a level; for a platform that re-applied after revocation, its re-recognition. */
public record RecognizePlatform(
        @TargetAggregateIdentifier String platformId,
        Level level,
        String documentNumber,
        LocalDate recognizedOn,
        LocalDate today) {
}
