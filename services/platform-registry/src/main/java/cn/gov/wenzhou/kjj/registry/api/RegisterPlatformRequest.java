package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.LeadModel;
import cn.gov.wenzhou.kjj.registry.command.LegalForm;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

public record RegisterPlatformRequest(
        @Schema(example = "91330300MA2H7K8L0G", description = "Unified Social Credit Code, GB 32100-2015")
        @NotBlank @Size(max = 40) String creditCode,
        @Schema(example = "温州智能装备研究院") @NotBlank @Size(max = 200) String name,
        @Schema(example = "LUCHENG", description = "District code or Chinese name (鹿城区 / 鹿城)")
        @NotBlank @Size(max = 40) String district,
        @Schema(example = "INTELLIGENT_EQUIPMENT", description = "5+5 industry code, Chinese name or alias")
        @NotBlank @Size(max = 60) String industry,
        @NotNull LegalForm legalForm,
        @NotNull LeadModel leadModel,
        @Schema(description = "Host and partner organisations: at most 20, each at most 200 characters")
        @Size(max = Requests.MAX_HOSTS) List<@NotBlank @Size(max = Requests.MAX_HOST_NAME) String> hosts,
        @Schema(example = "2024-01-15", description = "The day the platform registered with the bureau (登记日期); "
                + "not in the future; default today. Its recognition, reports and evaluations follow it")
        LocalDate registeredOn) {
}
