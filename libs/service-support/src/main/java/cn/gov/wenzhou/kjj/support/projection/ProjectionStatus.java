package cn.gov.wenzhou.kjj.support.projection;

import java.time.Instant;

/**
 * Where a projection (a streaming processor, all its segments together) stands against the event store.
 *
 * @param name            the processor's name
 * @param state           RUNNING, REBUILDING, ERROR, STALLED (cannot make progress, such as a publisher whose broker
 *                        stopped acknowledging; see {@link ProcessorStall}) or STOPPED
 * @param position        global index of the last event it processed ({@code -1}: none yet)
 * @param head            global index of the newest event in the store
 * @param lag             events it has yet to process
 * @param replaying       true while it re-reads history after a reset
 * @param rebuild         progress of the last rebuild started here, if any
 * @param error           the error that stopped it, when in ERROR; why it cannot progress, when STALLED
 * @param parked          events it could not apply and parked for an operator ({@code /ops/parked-events}); the
 *                        view lacks them (and the later events of their aggregates) until they are retried
 * @param rebuildable     whether {@code POST /ops/projections/{name}/rebuild} may rebuild it (the publisher: never)
 * @param failedEvent     the event it is stuck on, when it stopped on one and has not passed it since
 */
public record ProjectionStatus(String name, String state, long position, long head, long lag, boolean replaying,
                               RebuildProgress rebuild, String error, long parked, boolean rebuildable,
                               ProcessorFailures.FailedEvent failedEvent) {

    /** The outcome of a rebuild: only a {@code REBUILDING} one refuses another rebuild. */
    public enum Outcome {
        /** replaying, and not stuck */
        REBUILDING,
        /** reached the store's head as it was when the rebuild started */
        FINISHED,
        /** stuck on {@link RebuildProgress#failedEvent()} (or the processor stopped): cancel it, or fix and rebuild */
        FAILED,
        /** cancelled by an operator: the projection goes on from where it is, as any projection does */
        CANCELLED
    }

    /**
     * @param startedAt       when the rebuild was started
     * @param targetPosition  the store's head when the rebuild was started: reaching it ends the rebuild
     * @param percent         share of {@code targetPosition} processed so far
     * @param eventsPerSecond average replay rate since the start
     * @param finishedAt      when the position reached the target, or null
     * @param outcome         where the rebuild stands
     * @param failedEvent     the event it is stuck on, when FAILED on one
     * @param cancelledAt     when an operator cancelled it, or null
     */
    public record RebuildProgress(Instant startedAt, long targetPosition, double percent, double eventsPerSecond,
                                  Instant finishedAt, Outcome outcome, ProcessorFailures.FailedEvent failedEvent,
                                  Instant cancelledAt) {
    }
}
