package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.command.PlatformRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(PlatformSummaryProjection.NAME)
public class PlatformSummaryProjection {

    public static final String NAME = "platform-summary";

    private final PlatformSummaryRepository summaries;

    public PlatformSummaryProjection(PlatformSummaryRepository summaries) {
        this.summaries = summaries;
    }

    @EventHandler
    void on(PlatformRegistered event) {
        summaries.save(new PlatformSummary(event.platformId(), event.creditCode(), event.name(),
                event.district().name(), event.industry().name(), event.legalForm().name(),
                event.leadModel().name(), "REGISTERED", event.registeredOn()));
    }

    @ResetHandler
    void reset() {
        summaries.deleteAllInBatch();
    }
}
