package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.PlatformStandingEvents.PlatformStandingRecorded;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingRepository;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingView;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/platform-standings")
@Tag(name = "Platform standing", description = "What funding-service knows of registry platforms")
public class PlatformStandingController {

    /** One change of a platform's standing, as recorded from the registry's news. */
    public record StandingChange(Instant observedAt, String standing, String level, String sourceEventId) {
    }

    private final PlatformStandingRepository standings;
    private final EventStore eventStore;

    public PlatformStandingController(PlatformStandingRepository standings, EventStore eventStore) {
        this.standings = standings;
        this.eventStore = eventStore;
    }

    @GetMapping("/{platformId}")
    @Operation(summary = "A platform's standing, as last published by the registry")
    public PlatformStandingView get(@PathVariable String platformId) {
        return standings.findById(platformId).orElseThrow(() -> new NotFoundException("platform", platformId));
    }

    @GetMapping("/{platformId}/history")
    @Operation(summary = "Every change of a platform's standing, from funding-service's event store",
            description = "Answers what the standing was at any past review date.")
    public List<StandingChange> history(@PathVariable String platformId) {
        List<StandingChange> changes = new ArrayList<>();
        eventStore.readEvents(platformId).asStream()
                .filter(event -> event.getPayload() instanceof PlatformStandingRecorded)
                .map(event -> (PlatformStandingRecorded) event.getPayload())
                .forEach(e -> changes.add(new StandingChange(e.observedAt(), e.standing().name(), e.level(),
                        e.sourceEventId())));
        if (changes.isEmpty()) {
            throw new NotFoundException("platform", platformId);
        }
        return changes;
    }
}
