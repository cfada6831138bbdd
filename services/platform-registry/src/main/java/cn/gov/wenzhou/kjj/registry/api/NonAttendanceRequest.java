package cn.gov.wenzhou.kjj.registry.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NonAttendanceRequest(
        @Schema(example = "2024") @NotNull @Min(Requests.MIN_YEAR) @Max(Requests.MAX_YEAR) Integer year,
        @Schema(description = "Whether the bureau accepts the reason as justified (正当理由). Without one, municipal "
                + "recognition is revoked automatically") @NotNull Boolean justified,
        @Schema(example = "主要负责人变更，经市科技局同意延期", description = "Required when justified")
        @Size(max = 500) String reason) {
}
