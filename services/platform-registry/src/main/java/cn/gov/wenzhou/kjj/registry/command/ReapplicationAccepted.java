package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** A revoked platform re-applied after the bar; it awaits recognition again. */
public record ReapplicationAccepted(
        String platformId,
        String creditCode,
        LocalDate appliedOn) {
}
