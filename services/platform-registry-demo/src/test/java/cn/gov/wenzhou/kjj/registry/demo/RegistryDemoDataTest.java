package cn.gov.wenzhou.kjj.registry.demo;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.command.EvaluationParameters;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.ObligationParameters;
import cn.gov.wenzhou.kjj.registry.command.ObligationSweep;
import cn.gov.wenzhou.kjj.registry.query.PlatformIndicatorsProjection;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummaryProjection;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loader is off in tests ({@code stb.demo.enabled} unset), so it is built here from the context's beans. The
 * registry under test is shared with other tests, so the dashboard is read before and after the load: what the demo
 * adds is what an empty stack would show.
 */
@RegistryIntegrationTest
class RegistryDemoDataTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EvaluationParameters parameters;
    @Autowired
    IndustryCodeTable industries;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    ObligationParameters obligations;
    @Autowired
    ObligationSweep sweep;
    @Autowired
    Clock clock;

    @Test
    void demoDataShowsTheLettersCityTotalsOnTheDashboard() {
        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        ApiClient admin = platforms.admin();
        caughtUp();
        JsonNode before = admin.get("/api/dashboard?recruitmentYear=2024").json();

        loader().load();
        caughtUp();
        JsonNode after = admin.get("/api/dashboard?recruitmentYear=2024").json();

        JsonNode added = delta(before.path("indicators"), after.path("indicators"));
        assertThat(added.path("jointRdCentres").asLong()).isEqualTo(198);
        assertThat(added.path("cooperationAgreements").asLong()).isEqualTo(243);
        assertThat(added.path("provincialProjects").asLong()).isEqualTo(344);
        assertThat(added.path("researchFundingFen").asLong()).isGreaterThanOrEqualTo(110_000_000_00L)
                .isEqualTo(DemoPlan.LETTER_TOTALS.researchFundingFen());
        assertThat(added.path("inventionPatents").asLong()).isEqualTo(378);
        assertThat(added.path("fourTechIncomeFen").asLong()).isEqualTo(270_000_000_00L);
        assertThat(added.path("researchers").asLong()).isEqualTo(1277);
        assertThat(added.path("incubatedEnterprises").asLong()).isEqualTo(465);

        assertThat(recognized(after) - recognized(before)).isEqualTo(DemoPlan.RECOGNIZED_PLATFORMS);
        assertThat(after.path("byStatus").path("REVOKED").asLong() - before.path("byStatus").path("REVOKED").asLong())
                .isEqualTo(DemoPlan.REVOKED_PLATFORMS);
        assertThat(after.path("recruitment").path("recruited").asLong()
                - before.path("recruitment").path("recruited").asLong()).isEqualTo(DemoPlan.RECRUITED_IN_2024);
        assertThat(after.path("coverage").path("covered").asInt()).isEqualTo(10);

        // one platform's annual report is missing as of today (once a due date has passed): the registry desk lists it
        String missing = DemoPlan.platformId(DemoPlan.MISSING_REPORT_INDEX);
        java.time.LocalDate today = cn.gov.wenzhou.kjj.support.time.BusinessCalendar.today(clock);
        boolean aDueDateHasPassed = java.util.stream.IntStream.range(2000, today.getYear()).anyMatch(year ->
                obligations.forYear(year).filter(v -> today.isAfter(v.annualReportDueOn(year))).isPresent());
        assertThat(platforms.eventTypes(missing)).contains("NoticeAddressSet");
        if (aDueDateHasPassed) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin
                    .get("/api/obligations/missing-annual-reports?limit=500").json().findValuesAsText("platformId")
                    .contains(missing));
            assertThat(platforms.eventTypes(missing)).contains("AnnualReportMissing");
        }
        for (int index = 1; index < DemoPlan.RECOGNIZED_PLATFORMS; index++) {
            assertThat(platforms.eventTypes(DemoPlan.platformId(index))).as("platform %d", index)
                    .doesNotContain("AnnualReportMissing");
        }

        for (int n = 0; n < DemoPlan.REVOKED_PLATFORMS; n++) {
            String id = DemoPlan.platformId(DemoPlan.RECOGNIZED_PLATFORMS + n);
            List<String> types = platforms.eventTypes(id);
            assertThat(types).contains("PlatformEvaluated", "RectificationIssued", "RecognitionRevoked");
            assertThat(types).last().isEqualTo("ReapplicationRefused");
        }
    }

    @Test
    void demoLoadsOnlyIntoAnEmptyRegistry() {
        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        String marker = platforms.register(uniqueName("已有数据"), "鹿城", "服装").platformId();
        long events = platforms.events(DemoPlan.platformId(0));

        assertThat(loader().loadIfEmpty()).isFalse();
        assertThat(platforms.events(DemoPlan.platformId(0))).isEqualTo(events);
        assertThat(platforms.events(marker)).isEqualTo(1);
    }

    private RegistryDemoData loader() {
        return new RegistryDemoData(commands, jdbc, eventStore, parameters, industries, obligations, sweep, projections,
                clock);
    }

    private void caughtUp() {
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, Duration.ofSeconds(60));
        projections.awaitCaughtUp(PlatformIndicatorsProjection.NAME, Duration.ofSeconds(60));
    }

    private static long recognized(JsonNode dashboard) {
        return dashboard.path("byStatus").path("RECOGNIZED").asLong()
                + dashboard.path("byStatus").path("UNDER_RECTIFICATION").asLong();
    }

    private static JsonNode delta(JsonNode before, JsonNode after) {
        com.fasterxml.jackson.databind.node.ObjectNode delta = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        for (String name : List.of("jointRdCentres", "cooperationAgreements", "provincialProjects",
                "inventionPatents", "researchers", "incubatedEnterprises")) {
            delta.put(name, after.path(name).asLong() - before.path(name).asLong());
        }
        delta.put("researchFundingFen", after.path("researchFunding").path("fen").asLong()
                - before.path("researchFunding").path("fen").asLong());
        delta.put("fourTechIncomeFen", after.path("fourTechIncome").path("fen").asLong()
                - before.path("fourTechIncome").path("fen").asLong());
        return delta;
    }
}
