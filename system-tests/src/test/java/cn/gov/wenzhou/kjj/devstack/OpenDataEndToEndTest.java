package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.embedded.LoopbackPorts;
import cn.gov.wenzhou.kjj.funding.api.DocumentStore;
import cn.gov.wenzhou.kjj.funding.command.FundingParameters;
import cn.gov.wenzhou.kjj.funding.command.PaymentApprovalParameters;
import cn.gov.wenzhou.kjj.funding.command.ReportingParameters;
import cn.gov.wenzhou.kjj.funding.demo.FundingDemoData;
import cn.gov.wenzhou.kjj.opendata.ThreeSixtyGivingSchemas;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.PostgresServer;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The open data as the stack runs it: its own process from its jar, its own database, reading what the real services
 * publish. What the registry staff and the talent institute record through the services' APIs reaches the public
 * without a token; a revocation shows as one; the funding demo's year, loaded through funding-service's own commands,
 * comes out as a valid 360Giving feed with its declined bids and its experts nowhere.
 */
class OpenDataEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static RunningStack stack;
    private static LocalOpenData openData;

    @BeforeAll
    static void start() throws Exception {
        PostgresServer postgres = RealInfrastructure.postgres();
        String database = "e2e_opendata_" + ThreadLocalRandom.current().nextInt(1_000_000);
        postgres.createDatabase(database);
        String jar = System.getProperty("stb.open-data.jar");
        assertThat(jar).as("stb.open-data.jar (set by system-tests/pom.xml)").isNotNull();
        // the child process starts while the services do
        openData = LocalOpenData.start(Path.of(jar), Path.of("target", "open-data-e2e.log"),
                postgres.jdbcUrl(database), postgres.username(), postgres.password(),
                RealInfrastructure.kafka().bootstrapServers(), LoopbackPorts.free(), LoopbackPorts.free(),
                openDataEnvironment(database));
        stack = RunningStack.shared();
        openData.awaitReady(PATIENCE);
    }

    /** Its own consumer group (carrying its user's name, as its ACLs ask), signed in as the open data's user. */
    private static Map<String, String> openDataEnvironment(String database) {
        Map<String, String> environment = new HashMap<>(
                LocalSecrets.openDataKafkaSignIn(RealInfrastructure.kafkaCredentials()));
        environment.put("OPEN_DATA_CONSUMER_GROUP", KafkaAccess.OPEN_DATA.groupPrefix() + database);
        return environment;
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (openData != null) {
            openData.close();
        }
    }

    @Test
    void aPlatformTheRegistryRecognizesAndThenRevokesIsPublishedAsRevoked() {
        ApiClient admin = ApiClient.on(stack.baseUrl(StackService.PLATFORM_REGISTRY)).as(Role.REGISTRY_ADMIN);
        String creditCode = newCreditCode();
        ApiClient.Response registered = admin.post("/api/platforms", """
                {"creditCode": "%s", "name": "开放数据研究院-%s", "district": "瓯海", "industry": "新材料",
                 "legalForm": "PRIVATE_NON_ENTERPRISE", "leadModel": "LEADING_ENTERPRISE", "hosts": ["温州大学"],
                 "registeredOn": "2021-05-10"}"""
                .formatted(creditCode, creditCode.substring(10)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String platformId = registered.json().path("platformId").asText();
        expect(200, admin.post("/api/platforms/" + platformId + "/recognition", """
                {"level": "MUNICIPAL", "documentNumber": "温科发〔2021〕9号", "recognizedOn": "2021-06-01"}"""));

        JsonNode recognized = awaitPublic("/open/v1/platforms/" + platformId,
                p -> "RECOGNIZED".equals(p.path("status").asText()));
        assertThat(recognized.path("district").path("name").asText()).isEqualTo("瓯海区");
        assertThat(recognized.path("orgId").asText()).isEqualTo("CN-USCI-" + creditCode);

        for (int year : new int[]{2023, 2024}) {
            expect(200, admin.post("/api/platforms/" + platformId + "/annual-reports", """
                    {"year": %d, "indicators": {"jointRdCentres": 1, "cooperationAgreements": 1,
                     "provincialProjects": 1, "researchFundingFen": 100000, "inventionPatents": 1,
                     "fourTechIncomeFen": 100000, "researchers": 5, "incubatedEnterprises": 0, "resultsTransferred": 1,
                     "localEnterprisesServed": 2}}""".formatted(year)));
            expect(201, admin.post("/api/platforms/" + platformId + "/evaluations",
                    "{\"year\": %d, \"score\": 51.25}".formatted(year)));
        }

        JsonNode revoked = awaitPublic("/open/v1/platforms/" + platformId,
                p -> "REVOKED".equals(p.path("status").asText()));
        assertThat(revoked.path("revokedOn").isNull()).isFalse();
        assertThat(revoked.path("grades").findValuesAsText("grade")).containsExactly("FAIL", "FAIL");
        assertThat(revoked.toString()).doesNotContain("51.25");
    }

    @Test
    void theInstitutesQuotaIsPublishedAsACount() {
        ApiClient institute = ApiClient.on(stack.baseUrl(StackService.TALENT_POOL)).as(Role.TALENT_INSTITUTE);
        int posts = 100 + ThreadLocalRandom.current().nextInt(800);
        expect(200, institute.put("/api/pool/quotas/2099", "{\"posts\": %d, \"reason\": \"端到端测试\"}".formatted(posts)));

        JsonNode year = awaitPublic("/open/v1/talent-pool/years?year=2099",
                page -> page.path("items").size() == 1 && page.path("items").get(0).path("quota").asInt() == posts);
        assertThat(year.toString()).doesNotContain("端到端测试");
    }

    /**
     * Issue 19's "done when", on the demo data itself: funding-service's demo year (100 demands, 60 bids, expert
     * scores, 12 awards at every stage) goes through the real publisher, the open data reads it from Kafka, and both
     * forms of the feed validate against the 360Giving 1.4.3 schemas; the money matches funding's own reconciliation.
     */
    @Test
    void theDemoYearsFeedIsValid360GivingAndShowsOnlyItsAwards() {
        String callId = new FundingDemoData(stack.bean(StackService.FUNDING, CommandGateway.class),
                stack.bean(StackService.FUNDING, JdbcTemplate.class),
                stack.bean(StackService.FUNDING, FundingParameters.class),
                stack.bean(StackService.FUNDING, PaymentApprovalParameters.class),
                stack.bean(StackService.FUNDING, ReportingParameters.class),
                stack.bean(StackService.FUNDING, Clock.class),
                stack.bean(StackService.FUNDING, DocumentStore.class)).load();
        JsonNode books = ApiClient.on(stack.baseUrl(StackService.FUNDING)).as(Role.FINANCE_AUDITOR)
                .get("/api/audit/reconciliation?callId=" + callId).json();
        assertThat(books.path("projects").asInt()).as(books.toString()).isEqualTo(12);
        BigDecimal awarded = yuan(books.path("awardFen"));
        BigDecimal paid = yuan(books.path("disbursedFen"));
        BigDecimal recovered = yuan(books.path("recoveredFen"));

        // the public awards of the call, once every one of its payments has arrived
        JsonNode awards = awaitPublic("/open/v1/awards?limit=200&callId=" + callId, page ->
                page.path("total").asInt() == 12 && sum(page, "paidToDate").compareTo(paid) == 0
                        && sum(page, "recoveredToDate").compareTo(recovered) == 0);
        assertThat(sum(awards, "amountAwarded")).isEqualByComparingTo(awarded);

        ApiClient anonymous = ApiClient.on(openData.baseUrl().replace("localhost", "127.0.0.1")).anonymous();
        ApiClient.Response json = anonymous.get("/open/v1/360giving/grants.json");
        assertThat(json.status()).isEqualTo(200);
        JsonNode feed = json.json();
        assertThat(ThreeSixtyGivingSchemas.errorsOf(feed)).isEmpty();
        BigDecimal disbursed = BigDecimal.ZERO;
        List<String> awardedTitles = new ArrayList<>();
        for (JsonNode award : awards.path("items")) {
            JsonNode grant = ThreeSixtyGivingSchemas.grantOf(feed, award.path("projectId").asText());
            assertThat(grant.path("currency").asText()).isEqualTo("CNY");
            assertThat(grant.path("title").asText()).isEqualTo(award.path("title").asText());
            assertThat(grant.path("recipientOrganization").get(0).path("id").asText())
                    .isEqualTo("CN-USCI-" + award.path("recipient").path("creditCode").asText());
            disbursed = disbursed.add(grant.path("amountDisbursed").decimalValue());
            awardedTitles.add(award.path("title").asText());
        }
        assertThat(disbursed).isEqualByComparingTo(paid.subtract(recovered));

        ApiClient.Response csv = anonymous.get("/open/v1/360giving/grants.csv");
        assertThat(csv.status()).isEqualTo(200);
        JsonNode flat = ThreeSixtyGivingSchemas.packageOfCsv(csv.body());
        assertThat(ThreeSixtyGivingSchemas.errorsOf(flat)).isEmpty();
        assertThat(flat.path("grants").size()).isEqualTo(feed.path("grants").size());

        // the list (榜单) is the 90 demands listed; the ten the bureau left out (every tenth) and its notes are not
        JsonNode call = anonymous.get("/open/v1/calls/" + callId).json();
        assertThat(call.path("demands")).hasSize(90);
        String everything = String.join("\n", call.toString(), awards.toString(), json.body(), csv.body());
        for (int unlisted = 10; unlisted <= 100; unlisted += 10) {
            assertThat(everything).doesNotContainPattern("攻关需求 " + unlisted + "(?![0-9])");
        }
        // the demo's 60 bids have these titles; only the 12 awarded are public, and no expert is named anywhere
        for (int d = 1; d <= 30; d++) {
            for (String bid : List.of("联合攻关方案 " + d, "独立攻关方案 " + d)) {
                if (!awardedTitles.contains(bid)) {
                    assertThat(everything).as("a bid not awarded").doesNotContainPattern(bid + "(?![0-9])");
                }
            }
        }
        assertThat(awardedTitles).hasSize(12);
        assertThat(everything).doesNotContain("EXP-1", "EXP-2", "与已有项目重复");
    }

    private static BigDecimal yuan(JsonNode fen) {
        return BigDecimal.valueOf(fen.asLong(), 2);
    }

    private static BigDecimal sum(JsonNode page, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : page.path("items")) {
            total = total.add(item.path(field).decimalValue());
        }
        return total;
    }

    private static JsonNode awaitPublic(String path, java.util.function.Predicate<JsonNode> reached) {
        ApiClient anonymous = ApiClient.on(openData.baseUrl().replace("localhost", "127.0.0.1")).anonymous();
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiClient.Response answer = anonymous.get(path);
            if (answer.status() != 200) {
                return false;
            }
            last[0] = answer.json();
            return reached.test(last[0]);
        });
        return last[0];
    }

    private static void expect(int status, ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    private static String newCreditCode() {
        StringBuilder first17 = new StringBuilder("913303");
        while (first17.length() < 17) {
            first17.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return first17 + String.valueOf(UnifiedSocialCreditCode.checkCharacter(first17.toString()));
    }

}
