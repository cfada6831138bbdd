package cn.gov.wenzhou.kjj.support.ops;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.projection.ProjectionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The operator's view of a service's projections: position, lag, state, and rebuilds with progress. Queries keep
 * being answered during a rebuild, from the tables as the replay refills them; {@code state: REBUILDING} (and the
 * percentage) tells a caller the view is incomplete until it reads {@code RUNNING} again.
 */
@RestController
@RequestMapping("/ops/projections")
@Tag(name = "Operations", description = "Projections (streaming processors): status, rebuilds, parked events. "
        + "OPERATOR only.")
public class ProjectionController {

    private final ProjectionOperations projections;

    public ProjectionController(ProjectionOperations projections) {
        this.projections = projections;
    }

    @GetMapping
    @Operation(summary = "Every projection with its position, the store's head, lag and state")
    public List<ProjectionStatus> list() {
        return projections.list();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One projection; during a rebuild, its progress (percent, events/s)")
    public ProjectionStatus get(@PathVariable String name) {
        return projections.status(name);
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reset the projection and replay the whole event store into it; returns at once",
            description = "Refused (409) for the publisher and sagas (projection.not-rebuildable), while a rebuild "
                    + "of it is still progressing (projection.rebuild-in-progress; a stuck one, rebuild.outcome "
                    + "FAILED, may be started again), while another instance of the service holds one of its "
                    + "segments (projection.claimed-elsewhere: rebuild with one instance running) and when the "
                    + "reset fails (projection.reset-refused); refused, the projection runs on from where it was.")
    public ProjectionStatus rebuild(@PathVariable String name) {
        return projections.rebuild(name);
    }

    @PostMapping("/{name}/rebuild/cancel")
    @Operation(summary = "Stop following the projection's rebuild (running or stuck)",
            description = "The projection is not stopped: it goes on from where it is; another rebuild may start. "
                    + "409 projection.no-rebuild-in-progress when there is none to cancel.")
    public ProjectionStatus cancelRebuild(@PathVariable String name) {
        return projections.cancelRebuild(name);
    }
}
