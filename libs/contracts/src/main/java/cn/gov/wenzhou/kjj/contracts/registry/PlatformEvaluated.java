package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The annual performance evaluation of a year was recorded. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "PlatformEvaluated")
public record PlatformEvaluated(
        String platformId,
        String creditCode,
        int year,
        String grade,
        BigDecimal score,
        String parameterVersion,
        LocalDate evaluatedOn) implements IntegrationEvent {
}
