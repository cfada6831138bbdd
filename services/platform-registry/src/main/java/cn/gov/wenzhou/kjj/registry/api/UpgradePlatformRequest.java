package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.Level;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record UpgradePlatformRequest(
        @Schema(example = "PROVINCIAL", description = "A level above the current one") @NotNull Level level,
        @Schema(example = "浙科发〔2025〕7号") @NotBlank @Size(max = 100) String documentNumber,
        @Schema(example = "2025-03-01", description = "Not in the future, not before the recognition")
        @NotNull LocalDate upgradedOn) {
}
