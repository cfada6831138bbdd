package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.registry.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformIndicators;
import cn.gov.wenzhou.kjj.contracts.talent.HireExited;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {

    @TestFactory
    Stream<DynamicTest> everyPublishedEventHasItsOwnShortSummary() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            IntegrationEvent sample;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(IntegrationEventCatalog.sampleResourceOf(type))) {
                sample = IntegrationJson.mapper().readValue(in, type);
            }
            String summary = Summaries.of(sample);
            assertThat(summary).isNotBlank().hasSizeLessThan(160).isNotEqualTo(Summaries.generic(sample));
        }));
    }

    @Test
    void saysWhatHappenedInAFewWords() {
        assertThat(Summaries.of(new HireExited("e-1", "91330300MA2H7K8L0G", null, "NEW_MATERIALS", "SENIOR",
                "TERM_ENDED", LocalDate.of(2025, 9, 1))))
                .isEqualTo("exited (TERM_ENDED): SENIOR in NEW_MATERIALS, employer 91330300MA2H7K8L0G");
        assertThat(Summaries.of(new AnnualReportSubmitted("p-1", "91330300MA2H7K8L0G", 2024,
                new PlatformIndicators(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), LocalDate.of(2025, 1, 31))))
                .isEqualTo("report 2024: 7 researchers, 5 invention patents, 9 results transferred, 10 local enterprises served");
    }

    @Test
    void writesFenAsExactYuan() {
        assertThat(Summaries.yuan(150_000_000L)).isEqualTo("¥1,500,000.00");
        assertThat(Summaries.yuan(1L)).isEqualTo("¥0.01");
        assertThat(Summaries.yuan(0L)).isEqualTo("¥0.00");
    }

    @Test
    void fallsBackToTheFieldsForAnEventItHasNoWordsFor() {
        record NewerEvent(String platformId, long amountFen) implements IntegrationEvent {
        }
        assertThat(Summaries.of(new NewerEvent("p-1", 42))).isEqualTo("platformId=p-1, amountFen=42");
    }
}
