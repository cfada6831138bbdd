package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.PlatformStandingEvents.PlatformStandingRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(PlatformStandingProjection.NAME)
public class PlatformStandingProjection {

    public static final String NAME = "platform-standing";

    private final PlatformStandingRepository standings;

    public PlatformStandingProjection(PlatformStandingRepository standings) {
        this.standings = standings;
    }

    @EventHandler
    void on(PlatformStandingRecorded event) {
        PlatformStandingView view = standings.findById(event.platformId())
                .orElseGet(() -> new PlatformStandingView(event.platformId()));
        view.update(event.creditCode(), event.name(), event.standing().name(), event.level(), event.observedAt(),
                event.sourceEventId());
        standings.save(view);
    }

    @ResetHandler
    void reset() {
        standings.deleteAllInBatch();
    }
}
