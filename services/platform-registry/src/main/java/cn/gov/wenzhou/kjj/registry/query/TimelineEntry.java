package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.support.security.Actor;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Objects;

@Schema(description = "One event of a platform's history, as stored, in order")
public record TimelineEntry(
        @Schema(description = "Position in the platform's history, from 0") long sequence,
        @Schema(description = "When it was recorded (UTC)") Instant recordedAt,
        @Schema(example = "PlatformEvaluated") String type,
        @Schema(example = "年度绩效评价") String labelZh,
        @Schema(example = "Evaluated") String labelEn,
        @Schema(example = "2024年度评价结果：不合格（55.00分，参数版本 2023.1）") String summaryZh,
        @Schema(example = "2024 evaluation: FAIL (55.00, parameters 2023.1)") String summaryEn,
        @Schema(description = "Who did it: a token subject, or system:… for the service's own rules and feeds",
                example = "registry-admin-01") String actor,
        @Schema(example = "REGISTRY_ADMIN") String actorRole,
        @Schema(description = "The event's own fields") Object data) {

    /** The same entry as a platform may see it: bureau staff named by their role, never their account. */
    public TimelineEntry staffShownByRole() {
        String shown = Actor.subjectShownToOrganisation(actor, actorRole);
        return Objects.equals(shown, actor) ? this : new TimelineEntry(sequence, recordedAt, type, labelZh, labelEn,
                summaryZh, summaryEn, shown == null ? actorRole : shown, actorRole, data);
    }
}
