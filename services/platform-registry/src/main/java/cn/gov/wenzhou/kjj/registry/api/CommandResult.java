package cn.gov.wenzhou.kjj.registry.api;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A command accepted and stored; the views follow within moments")
public record CommandResult(String platformId, @Schema(example = "RECOGNIZED") String outcome) {
}
