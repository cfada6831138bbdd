package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummaryProjection;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.newCreditCode;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RegistryIntegrationTest
class RegisterPlatformApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = new TestPlatforms(port, jdbc).admin();
    }

    @Test
    void registeredPlatformIsStoredAsAnEventShownInTheViewAndPublished() {
        ApiClient.Response created = post(body(newCreditCode(), "温州智能装备研究院", "鹿城", "智能装备"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String platformId = created.json().get("platformId").asText();
        assertThat(created.headers().getLocation()).hasPath("/api/platforms/" + platformId);

        assertThat(jdbc.queryForObject("select payload_type from domain_event_entry where aggregate_identifier = ?",
                String.class, platformId)).endsWith("PlatformRegistered");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = admin.get("/api/platforms/" + platformId).json().path("platform");
            assertThat(view.path("district").asText()).isEqualTo("LUCHENG");
            assertThat(view.path("districtName").asText()).isEqualTo("鹿城区");
            assertThat(view.path("industry").asText()).isEqualTo("INTELLIGENT_EQUIPMENT");
            assertThat(view.path("industryTableVersion").asText()).isEqualTo("2023.1");
            assertThat(view.path("status").asText()).isEqualTo("REGISTERED");
            assertThat(view.path("hosts").get(0).asText()).isEqualTo("温州大学");
        });
        var published = TopicRecords.awaitMatching(RealInfrastructure.kafka().adminProperties(),
                Topics.REGISTRY_PLATFORM_V1, r -> platformId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(TopicRecords.header(published.get(0), CloudEventHeaders.SOURCE))
                .isEqualTo("/wenzhou-stb/platform-registry");
    }

    @Test
    void registrationIsPublishedOnV2AlongsideV1AsOneFactWithTheSameCeId() throws Exception {
        ApiClient.Response created = post(body(newCreditCode(), uniqueName("双版本研究院"), "瓯海", "泵阀"));
        String platformId = created.json().get("platformId").asText();
        Map<String, Object> bootstrap = RealInfrastructure.kafka().adminProperties();

        var v1 = TopicRecords.awaitMatching(bootstrap, Topics.REGISTRY_PLATFORM_V1,
                r -> platformId.equals(r.key()), Duration.ofSeconds(20)).get(0);
        var v2 = TopicRecords.awaitMatching(bootstrap, Topics.REGISTRY_PLATFORM_V2,
                r -> platformId.equals(r.key()), Duration.ofSeconds(20)).get(0);

        assertThat(TopicRecords.header(v2, CloudEventHeaders.ID)).isEqualTo(TopicRecords.header(v1, CloudEventHeaders.ID));
        assertThat(TopicRecords.header(v2, CloudEventHeaders.TYPE))
                .isEqualTo("cn.gov.wenzhou.kjj.registry.platform.v2.PlatformRegistered");
        JsonNode v1Data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v1.value());
        JsonNode v2Data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(v2.value());
        assertThat(v1Data.path("district").asText()).isEqualTo("OUHAI");
        assertThat(v2Data.path("district").path("code").asText()).isEqualTo("OUHAI");
        assertThat(v2Data.path("district").path("label").asText()).isEqualTo("瓯海区");
        assertThat(v2Data.path("industry").path("code").asText()).isEqualTo("PUMPS_VALVES");
        assertThat(v2Data.path("industry").path("tableVersion").asText()).isEqualTo("2023.1");
        assertThat(v2Data.path("hosts").get(0).asText()).isEqualTo("温州大学");
    }

    @Test
    void industryAliasResolvesToItsCanonicalCode() {
        String platformId = post(body(newCreditCode(), uniqueName("鞋革研究院"), "OUHAI", "鞋革")).json()
                .get("platformId").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.get("/api/platforms/" + platformId).json().path("platform").path("industry")
                        .asText()).isEqualTo("FOOTWEAR"));
    }

    @Test
    void wrongCheckCharacterIsA400NamingTheFieldAndNothingIsStored() {
        String code = newCreditCode();
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        ApiClient.Response response = post(body(wrong, "x", "LUCHENG", "DIGITAL_ECONOMY"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"creditCode\"").contains("GB 32100-2015");
        assertNothingStoredFor(wrong, "x");
    }

    @Test
    void unknownDistrictIsA400NamingTheField() {
        ApiClient.Response response = post(body(newCreditCode(), "x", "杭州", "DIGITAL_ECONOMY"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"district\"");
    }

    @Test
    void industryOutsideTheCodeTableIsA400NamingTheFieldAndNothingIsStored() {
        String code = newCreditCode();
        ApiClient.Response response = post(body(code, "房地产研究院", "LUCHENG", "房地产"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"industry\"").contains("5+5");
        assertNothingStoredFor(code, "房地产研究院");
    }

    @Test
    void unknownLegalFormIsA400NamingTheField() {
        ApiClient.Response response = post("""
                {"creditCode": "%s", "name": "x", "district": "LUCHENG",
                 "industry": "DIGITAL_ECONOMY", "legalForm": "COOPERATIVE", "leadModel": "GOVERNMENT"}"""
                .formatted(newCreditCode()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"legalForm\"");
    }

    @Test
    void moreThanTwentyHostsIsA400NamingTheFieldAndNothingIsStored() {
        String code = newCreditCode();
        String name = uniqueName("多依托");
        String hosts = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"依托单位" + i + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        ApiClient.Response response = post(body(code, name, "LUCHENG", "DIGITAL_ECONOMY")
                .replace("[\"温州大学\"]", hosts));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"hosts\"");
        assertNothingStoredFor(code, name);
    }

    @Test
    void aHostNameLongerThan200CharactersIsA400NamingIt() {
        String code = newCreditCode();
        ApiClient.Response response = post(body(code, uniqueName("长名"), "LUCHENG", "DIGITAL_ECONOMY")
                .replace("[\"温州大学\"]", "[\"温州大学\", \"" + "院".repeat(201) + "\"]"));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"hosts[1]\"");
    }

    @Test
    void missingNameIsA400NamingTheField() {
        ApiClient.Response response = post("""
                {"creditCode": "%s", "district": "LUCHENG", "industry": "DIGITAL_ECONOMY",
                 "legalForm": "ENTERPRISE", "leadModel": "GOVERNMENT"}""".formatted(newCreditCode()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"name\"");
    }

    @Test
    void creditCodeOfAnotherPlatformIsA409AndNothingIsStored() {
        String code = newCreditCode();
        String first = post(body(code, uniqueName("先登记"), "LUCHENG", "DIGITAL_ECONOMY")).json()
                .get("platformId").asText();
        String second = uniqueName("后登记");

        ApiClient.Response response = post(body(code.toLowerCase(), second, "OUHAI", "NEW_MATERIALS"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("rule").asText()).isEqualTo("platform.credit-code-unique");
        assertThat(response.json().path("detail").asText()).contains(code).contains(first);
        assertNothingStoredFor(null, second);
        assertThat(jdbc.queryForList("select platform_id from platform_credit_code where credit_code = ?",
                String.class, code)).containsExactly(first);
    }

    @Test
    void twoConcurrentRegistrationsOfOneCodeCannotBothSucceed() throws Exception {
        String code = newCreditCode();
        int attempts = 4;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String name = uniqueName("并发登记" + i);
                statuses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return post(body(code, name, "LONGWAN", "PUMPS_VALVES")).status();
                }, pool));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (CompletableFuture<Integer> status : statuses) {
                results.add(status.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, Duration.ofSeconds(30));
        assertThat(jdbc.queryForObject("select count(*) from platform_summary where credit_code = ?", Long.class,
                code)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from platform_credit_code where credit_code = ?", Long.class,
                code)).isEqualTo(1);
    }

    private void assertNothingStoredFor(String creditCode, String name) {
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, Duration.ofSeconds(30));
        assertThat(jdbc.queryForObject("select count(*) from platform_summary where name = ?", Long.class, name))
                .isZero();
        if (creditCode != null) {
            assertThat(jdbc.queryForObject("select count(*) from platform_credit_code where credit_code = ?",
                    Long.class, creditCode)).isZero();
        }
    }

    private static String body(String creditCode, String name, String district, String industry) {
        return """
                {"creditCode": "%s", "name": "%s", "district": "%s", "industry": "%s",
                 "legalForm": "PRIVATE_NON_ENTERPRISE", "leadModel": "LEADING_ENTERPRISE", "hosts": ["温州大学"]}"""
                .formatted(creditCode, name, district, industry);
    }

    private ApiClient.Response post(String body) {
        return admin.post("/api/platforms", body);
    }
}
