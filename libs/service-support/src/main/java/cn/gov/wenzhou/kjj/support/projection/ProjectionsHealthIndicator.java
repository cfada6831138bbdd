package cn.gov.wenzhou.kjj.support.projection;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code projections} in {@code /actuator/health}: {@code DEGRADED} while a projection has parked events or is
 * stopped on an error, {@code UP} otherwise. Degraded, not down: the service answers, from views that lack the parked
 * events, so neither a restart nor taking it out of service would help; the operator retries or evicts them. The
 * details (per projection: state, lag, parked) are shown to operators only.
 */
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    /** Served with {@code 200}; ordered between DOWN and UP ({@code management.endpoint.health.status.order}). */
    public static final Status DEGRADED = new Status("DEGRADED",
            "a projection has parked events or is stopped on an error: see /ops/projections");

    private final ProjectionOperations projections;

    public ProjectionsHealthIndicator(ProjectionOperations projections) {
        super("projection status unavailable");
        this.projections = projections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProjectionStatus> statuses = projections.processors(); // sagas too: a stuck saga stops its rules
        boolean degraded = false;
        for (ProjectionStatus status : statuses) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", status.state());
            detail.put("lag", status.lag());
            detail.put("parked", status.parked());
            builder.withDetail(status.name(), detail);
            degraded |= status.parked() > 0 || "ERROR".equals(status.state());
        }
        builder.status(degraded ? DEGRADED : Status.UP);
    }
}
