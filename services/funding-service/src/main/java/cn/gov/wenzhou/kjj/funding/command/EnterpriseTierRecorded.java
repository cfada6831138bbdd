package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;

/**
 * An enterprise's tier as the bureau recorded it; who recorded it is in the event's metadata ({@code actor},
 * {@code actorRole}), when in its timestamp and {@code recordedOn}, why in {@code reason} and {@code documentRef}.
 *
 * @param previousTier the tier before this record ({@code null} for the first)
 */
public record EnterpriseTierRecorded(String creditCode, EnterpriseTier tier, EnterpriseTier previousTier,
                                     String reason, String documentRef, LocalDate recordedOn) {
}
