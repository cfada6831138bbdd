package cn.gov.wenzhou.kjj.registry.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "The recorded result, with the grade derived from the score and the parameters applied")
public record EvaluationRecorded(String platformId, int year, String grade, BigDecimal score,
                                 String parameterVersion, String thresholds) {
}
