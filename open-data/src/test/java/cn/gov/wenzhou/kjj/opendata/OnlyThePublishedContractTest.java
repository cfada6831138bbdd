package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformEvaluated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding 3 of issue 19, as a class: the open data is made only of what the services publish. A field a service adds
 * to its internal (domain) event reaches the open data only once it is added to the published contract: until then
 * it is not in the contract's record, so the reader drops it, and nothing is stored or shown. And the module has no
 * way to the services' own data: none of their code is on its classpath, its database is its own.
 */
@OpenDataIntegrationTest
class OnlyThePublishedContractTest {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    OpenDataTestSupport openData;

    @BeforeEach
    void setUp() {
        openData = new OpenDataTestSupport(jdbc, port);
    }

    /**
     * funding's domain ProjectAwarded carries a document reference, the application id, the budget, the tranche plan;
     * the published one does not. Were a publisher to let one of them through, the open data would still not keep it.
     */
    @Test
    void aFieldAddedToAnInternalEventDoesNotLeakUnlessTheContractNamesIt() {
        String projectId = newId();
        String recipient = newCreditCode();
        ProjectAwarded published = new ProjectAwarded(projectId, newId(), "泄漏测试攻关项目", recipient, null, List.of(),
                20_000_000L, 0L, "2024.1", LocalDate.of(2026, 5, 5));
        String awarded = openData.publishWithExtraField(published, projectId, "documentRef", "INTERNAL-温科项〔2026〕99号");
        String code = newCreditCode();
        String platformId = openData.recognizedPlatform(code, "泄漏测试研究院", "PINGYANG", "平阳县", "APPAREL",
                LocalDate.of(2024, 2, 2));
        String evaluated = openData.publishWithExtraField(new PlatformEvaluated(platformId, code, 2025, "EXCELLENT",
                new BigDecimal("95.00"), "2021.1", LocalDate.of(2026, 3, 1)), platformId, "expertPanel",
                "INTERNAL-EXPERT-PANEL-7");
        openData.awaitApplied(awarded, evaluated);

        String everything = String.join("\n",
                openData.api().get("/open/v1/awards/" + projectId).body(),
                openData.api().get("/open/v1/awards?limit=200").body(),
                openData.api().get("/open/v1/platforms/" + platformId).body(),
                openData.api().get("/open/v1/360giving/grants.json").body(),
                openData.api().get("/open/v1/360giving/grants.csv").body());
        // what the contract names is there ...
        assertThat(everything).contains("泄漏测试攻关项目", "EXCELLENT");
        // ... what it does not name is nowhere: not shown, not stored
        assertThat(everything).doesNotContain("INTERNAL-", "documentRef", "expertPanel");
        assertThat(ReadModelScan.everyValue(jdbc)).noneMatch(value -> value.contains("INTERNAL-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cn.gov.wenzhou.kjj.registry.RegistryApplication",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents", "cn.gov.wenzhou.kjj.talent.command.PersonalData",
            "cn.gov.wenzhou.kjj.support.axon.TransactionalUnitOfWork", "org.axonframework.eventhandling.EventMessage"})
    void noServiceCodeAndNoAxonIsOnItsClasspath(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }

    /** Its own read model, and the consumer library's own tables (the ce_id ledger and whatever else it keeps). */
    @Test
    void itsDatabaseHoldsOnlyTheReadModelAndTheConsumerLibrarysTables() throws Exception {
        List<String> expected = new ArrayList<>(List.of("award", "award_money", "award_partner", "challenge_call",
                "dataset", "intake_position", "listed_demand", "platform", "platform_grade", "pool_year", "read_model",
                "recognition_period"));
        List<String> library = tablesCreatedBy("classpath:db/consumer/*.sql");
        assertThat(library).contains("processed_message");
        expected.addAll(library);
        assertThat(ReadModelScan.tables(jdbc)).containsExactlyInAnyOrderElementsOf(expected);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getCatalog()).startsWith("test_open_data_");
        }
    }

    private static List<String> tablesCreatedBy(String migrations) throws IOException {
        List<String> tables = new ArrayList<>();
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources(migrations)) {
            Matcher created = CREATE_TABLE.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (created.find()) {
                tables.add(created.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
