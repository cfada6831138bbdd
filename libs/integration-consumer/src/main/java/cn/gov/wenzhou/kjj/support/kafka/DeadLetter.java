package cn.gov.wenzhou.kjj.support.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A record a consumer of this service gave up on, as an operator sees it.
 *
 * @param id                its number in this service, for replay and discard
 * @param consumerGroup     the consumer group that gave up
 * @param topic             where the record was read, with its partition and offset
 * @param ceId              its CloudEvents attributes as the record carried them (not trusted: a refused record
 *                          may be forged)
 * @param reason            why it could not be applied
 * @param status            PENDING (waits for an operator), REPLAYED (applied again after a fix), DISCARDED
 * @param resolvedBy        the operator who replayed or discarded it, and when and why ({@code resolution})
 * @param lastReplayFailure why the last replay failed, if it did
 * @param data              the record's value as text, in the detail view only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(long id, String consumerGroup, String topic, int partition, long offset, String key,
                         String ceId, String ceType, String ceSource, String reason, Instant deadLetteredAt,
                         Status status, Instant resolvedAt, String resolvedBy, String resolution,
                         String lastReplayFailure, String data) {

    public enum Status { PENDING, REPLAYED, DISCARDED }

    DeadLetter withoutData() {
        return new DeadLetter(id, consumerGroup, topic, partition, offset, key, ceId, ceType, ceSource, reason,
                deadLetteredAt, status, resolvedAt, resolvedBy, resolution, lastReplayFailure, null);
    }
}
