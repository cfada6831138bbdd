package cn.gov.wenzhou.kjj.contracts.registry;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/** The platform submitted its annual report of the ten indicators (十个一批) for a year. */
@PublishedAs(topic = Topics.REGISTRY_PLATFORM_V1, name = "AnnualReportSubmitted")
public record AnnualReportSubmitted(
        String platformId,
        String creditCode,
        int year,
        PlatformIndicators indicators,
        LocalDate submittedOn) implements IntegrationEvent {
}
