package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.ChallengeCallOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(ChallengeCallProjection.NAME)
public class ChallengeCallProjection {

    public static final String NAME = "challenge-calls";

    private final ChallengeCallRepository calls;

    public ChallengeCallProjection(ChallengeCallRepository calls) {
        this.calls = calls;
    }

    @EventHandler
    void on(ChallengeCallOpened event) {
        calls.save(new ChallengeCallView(event.callId(), event.year(), event.title(), "COLLECTING_DEMANDS",
                event.openedOn()));
    }

    @ResetHandler
    void reset() {
        calls.deleteAllInBatch();
    }
}
