package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.PostgresServer;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The open data as the stack runs it: its own process from its jar, its own database, reading what the real services
 * publish. What the registry staff and the talent institute record through the services' APIs reaches the public
 * without a token; a revocation shows as one.
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
        assertThat(jar).as("stb.open-data.jar (set by dev-stack/pom.xml)").isNotNull();
        // the child process starts while the services do
        openData = LocalOpenData.start(Path.of(jar), Path.of("target", "open-data-e2e.log"),
                postgres.jdbcUrl(database), postgres.username(), postgres.password(),
                RealInfrastructure.kafka().bootstrapServers(), freePort(), freePort(),
                Map.of("OPEN_DATA_CONSUMER_GROUP", database));
        stack = RunningStack.shared();
        openData.awaitReady(PATIENCE);
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
                 "legalForm": "PRIVATE_NON_ENTERPRISE", "leadModel": "LEADING_ENTERPRISE", "hosts": ["温州大学"]}"""
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
