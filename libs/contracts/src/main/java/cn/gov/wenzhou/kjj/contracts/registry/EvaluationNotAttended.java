package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** The platform did not take part in a year's evaluation. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "EvaluationNotAttended")
public record EvaluationNotAttended(
        String platformId,
        String creditCode,
        int year,
        boolean justified,
        LocalDate recordedOn) implements IntegrationEvent {
}
