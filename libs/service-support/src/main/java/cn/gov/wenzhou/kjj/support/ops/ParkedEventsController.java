package cn.gov.wenzhou.kjj.support.ops;

import cn.gov.wenzhou.kjj.support.projection.ParkedEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Events a projection could not apply and parked, and the operator's ways out: retry once the cause is fixed (a
 * deployment, a database change), or evict an event that will never apply. Not Kafka's dead letters (those are
 * records a consumer refused, on {@code <topic>.<service>.dlt}): these are the service's own events, kept in its
 * database.
 */
@RestController
@RequestMapping("/ops/parked-events")
@Tag(name = "Operations", description = "Projections (streaming processors): status, rebuilds, parked events. "
        + "OPERATOR only.")
public class ParkedEventsController {

    private final ParkedEvents parked;

    public ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping
    @Operation(summary = "Every projection that parks failing events, with how many it holds")
    public List<ParkedEvents.Summary> summaries() {
        return parked.summaries();
    }

    @GetMapping("/{projection}")
    @Operation(summary = "A projection's parked events: ids, types, causes (never the payload), oldest first",
            description = "At most " + ParkedEvents.MAX_LISTED + ". Index 0 of a sequence (an aggregate) is the "
                    + "event that failed; the later ones wait behind it so the view never applies them out of order.")
    public List<ParkedEvents.Parked> list(@PathVariable String projection) {
        return parked.list(projection);
    }

    @PostMapping("/{projection}/retry")
    @Operation(summary = "Retry every parked sequence of the projection once, after the cause is fixed",
            description = "Events that apply leave the queue; one that fails again stays, with the new cause.")
    public ParkedEvents.RetryOutcome retryAll(@PathVariable String projection) {
        return parked.retryAll(projection);
    }

    @PostMapping("/{projection}/sequences/{sequence}/retry")
    @Operation(summary = "Retry one parked sequence (an aggregate's parked events), from its first event")
    public ParkedEvents.RetryOutcome retrySequence(@PathVariable String projection, @PathVariable String sequence) {
        return parked.retrySequence(projection, sequence);
    }

    @DeleteMapping("/{projection}/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Evict one parked event for good: the projection will never apply it",
            description = "For an event that can never apply. The events behind it stay parked until retried; a "
                    + "rebuild replays everything again, evicted events included.")
    public void evict(@PathVariable String projection, @PathVariable String id) {
        parked.evict(projection, id);
    }
}
