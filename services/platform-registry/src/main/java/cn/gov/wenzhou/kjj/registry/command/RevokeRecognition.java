package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Issued by the evaluation rules: revokes municipal recognition (取消市级认定资格). Idempotent. */
public record RevokeRecognition(
        @TargetAggregateIdentifier String platformId,
        RevocationReason reason,
        int basisYear,
        LocalDate revokedOn) {
}
