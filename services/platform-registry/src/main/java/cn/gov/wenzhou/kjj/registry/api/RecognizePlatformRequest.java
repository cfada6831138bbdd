package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.Level;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record RecognizePlatformRequest(
        @Schema(example = "MUNICIPAL") @NotNull Level level,
        @Schema(example = "温科发〔2024〕12号", description = "Recognition document number (认定文号)")
        @NotBlank @Size(max = 100) String documentNumber,
        @Schema(example = "2024-06-30", description = "Date of the recognition document; not in the future")
        @NotNull LocalDate recognizedOn) {
}
