package cn.gov.wenzhou.kjj.talent.query;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code enrollment_history}. */
public record HistoryRow(long sequenceNumber, String eventType, LocalDate occurredOn, Instant recordedAt, String actor,
                         String actorRole, String details, String noteCiphertext) {
}
