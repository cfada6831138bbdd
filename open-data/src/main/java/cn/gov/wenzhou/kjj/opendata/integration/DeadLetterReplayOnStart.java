package cn.gov.wenzhou.kjj.opendata.integration;

import cn.gov.wenzhou.kjj.opendata.OpenDataProperties;
import cn.gov.wenzhou.kjj.support.kafka.DeadLetter;
import cn.gov.wenzhou.kjj.support.kafka.DeadLetterReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How an operator replays the open data's dead letters once their cause is fixed: the open data has no operator
 * sign-in (it is anonymous and read-only), so instead of the services' {@code /ops/dead-letters} it replays every
 * PENDING dead letter when it starts with {@code open-data.replay-dead-letters-on-start}
 * ({@code OPEN_DATA_REPLAY_DEAD_LETTERS=true}), typically with the deployment that fixed them. Each record goes to the
 * intake as it was read; idempotent (its {@code ce_id} is applied once), and one that still fails stays PENDING.
 */
@Component
public class DeadLetterReplayOnStart {

    static final String REPLAYED_BY = "open-data (replay-dead-letters-on-start)";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayOnStart.class);

    private final DeadLetterReplay replay;
    private final OpenDataProperties properties;

    public DeadLetterReplayOnStart(DeadLetterReplay replay, OpenDataProperties properties) {
        this.replay = replay;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (properties.replayDeadLettersOnStart()) {
            replayPending();
        }
    }

    /** Replays every PENDING dead letter in the order its records were read; each one's outcome, logged. */
    public List<DeadLetterReplay.Outcome> replayPending() {
        List<DeadLetterReplay.Outcome> outcomes = replay.replayAll(REPLAYED_BY);
        long replayed = outcomes.stream().filter(outcome -> outcome.status() == DeadLetter.Status.REPLAYED).count();
        outcomes.stream().filter(outcome -> outcome.status() != DeadLetter.Status.REPLAYED).forEach(outcome ->
                log.warn("open data: dead letter {} still cannot be applied: {}", outcome.id(), outcome.failure()));
        log.info("open data: {} of {} pending dead letters replayed", replayed, outcomes.size());
        return outcomes;
    }
}
