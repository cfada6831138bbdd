package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.expect;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** Every registry view, dropped and rebuilt from the event store, comes back row for row. */
@RegistryIntegrationTest
class ProjectionRebuildTest {

    private static final Map<String, List<String>> VIEWS = Map.of(
            PlatformSummaryProjection.NAME, List.of("platform_summary", "platform_count"),
            PlatformIndicatorsProjection.NAME, List.of("platform_year", "city_year_totals"),
            ObligationsProjection.NAME, List.of("annual_report_obligation", "rectification_follow_up",
                    "registry_notice"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    cn.gov.wenzhou.kjj.registry.command.ObligationSweep sweep;
    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();

    @Test
    void rebuildingEveryRegistryProjectionReproducesIdenticalRows() {
        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        Registered upgraded = platforms.recognized(uniqueName("重建A"));
        expect(200, platforms.admin().post("/api/platforms/" + upgraded.platformId() + "/upgrade", """
                {"level": "PROVINCIAL", "documentNumber": "浙科发〔2023〕5号", "upgradedOn": "2023-04-01"}"""));
        platforms.reportAndEvaluate(upgraded.platformId(), 2023, "88");
        expect(200, platforms.report(upgraded.platformId(), 2024, 3));
        expect(200, platforms.report(upgraded.platformId(), 2024, 4));
        Registered failing = platforms.recognized(uniqueName("重建B"));
        platforms.reportAndEvaluate(failing.platformId(), 2023, "30");
        platforms.awaitEvent(failing.platformId(), "RectificationIssued");
        platforms.reportAndEvaluate(failing.platformId(), 2024, "35");
        platforms.awaitEvent(failing.platformId(), "RecognitionRevoked");
        platforms.admin().post("/api/platforms/" + failing.platformId() + "/reapplication", null);
        platforms.register(uniqueName("重建C"), "泰顺", "服装");
        String project = UUID.randomUUID().toString();
        publisher.publish(new TrancheDisbursed(project, 1, 5_000_000L, upgraded.creditCode(), upgraded.platformId(),
                LocalDate.of(2025, 4, 1)), project, UUID.randomUUID().toString(), Instant.now());
        platforms.awaitEvent(upgraded.platformId(), "ProjectFundsReceived");
        // 2025's report, due 2026-03-31, not in: reminded, then listed missing; the failing platform's notice expires
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, Duration.ofSeconds(30));
        projections.awaitCaughtUp(PlatformIndicatorsProjection.NAME, Duration.ofSeconds(30));
        sweep.run(LocalDate.of(2026, 3, 20));
        sweep.run(LocalDate.of(2026, 4, 1));
        platforms.awaitEvent(upgraded.platformId(), "AnnualReportMissing");

        VIEWS.forEach((projection, tables) -> {
            projections.awaitCaughtUp(projection, Duration.ofSeconds(30));
            Map<String, String> before = TableChecksums.of(dataSource, tables);
            assertThat(before.values()).allSatisfy(checksum -> assertThat(checksum).doesNotStartWith("0:"));

            projections.rebuild(projection);
            projections.awaitCaughtUp(projection, Duration.ofSeconds(60));

            assertThat(TableChecksums.of(dataSource, tables)).as(projection).isEqualTo(before);
        });
    }
}
