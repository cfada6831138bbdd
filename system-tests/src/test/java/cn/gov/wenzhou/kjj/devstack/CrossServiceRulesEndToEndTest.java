package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules that cross service boundaries, driven only through the services' REST APIs with real tokens, with Kafka
 * between them: the registry's verdicts decide what funding may award, and funding's awards and the talent pool's
 * admissions become the registry's recorded indicators.
 */
class CrossServiceRulesEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicInteger PEOPLE = new AtomicInteger(ThreadLocalRandom.current().nextInt(900));
    private static RunningStack stack;

    @BeforeAll
    static void startStack() {
        stack = RunningStack.shared();
    }

    @Test
    void platformRevokedForTwoFailsInTheRegistryCannotReceiveAnAwardInFunding() {
        Platform platform = recognizedPlatform("连续不合格研究院");
        awaitStanding(platform, standing -> "RECOGNIZED".equals(standing.path("standing").asText())
                && "MUNICIPAL".equals(standing.path("level").asText()));

        reportAndEvaluate(platform, 2023, "55");
        awaitStanding(platform, standing -> "UNDER_RECTIFICATION".equals(standing.path("standing").asText()));
        reportAndEvaluate(platform, 2024, "50");
        awaitStanding(platform, standing -> "REVOKED".equals(standing.path("standing").asText()));

        String lead = newCreditCode();
        Ranked ranked = rankedJointBid(lead, platform);
        ApiClient.Response award = award(ranked);
        assertThat(award.status()).as(award.toString()).isEqualTo(409);
        assertThat(award.body()).contains("award.platform-revoked");
    }

    @Test
    void awardAndTrancheToAJointBidWithAPlatformAreRecordedAsThatPlatformsIndicators() {
        Platform platform = recognizedPlatform("联合攻关研究院");
        awaitStanding(platform, standing -> "RECOGNIZED".equals(standing.path("standing").asText()));

        Ranked ranked = rankedJointBid(newCreditCode(), platform);
        ApiClient.Response award = award(ranked);
        assertThat(award.status()).as(award.toString()).isEqualTo(201);

        JsonNode recorded = awaitRecorded(platform, totals -> totals.path("projectsWon").asLong() == 1);
        assertThat(recorded.path("projectsLed").asLong()).isZero();
    }

    @Test
    void hireAdmittedToThePoolByAPlatformIsRecordedAsOneOfItsResearchers() {
        Platform platform = recognizedPlatform("引才研究院");
        ApiClient institute = api(StackService.TALENT_POOL).as(Role.TALENT_INSTITUTE);
        await().atMost(PATIENCE).until(() -> institute.get("/api/employers/" + platform.creditCode() + "/platform")
                .status() == 200);
        int year = BusinessCalendar.today(Clock.systemUTC()).getYear();
        assertThat(institute.put("/api/pool/quotas/" + year, "{\"posts\": 1000, \"reason\": \"端到端测试\"}").status())
                .isEqualTo(200);

        ApiClient employer = api(StackService.TALENT_POOL).asOrganisation(Role.ENTERPRISE.name(),
                platform.creditCode());
        ApiClient.Response applied = employer.post("/api/enrollments", """
                {"employerCreditCode": "%s", "hire": {"name": "测试人员", "idNumber": "%s", "phone": "13900000001"},
                 "position": "研发工程师", "hireDate": "%s", "titleLevel": "MID_LEVEL", "field": "INTELLIGENT_EQUIPMENT"}"""
                .formatted(platform.creditCode(), newIdNumber(),
                        BusinessCalendar.today(Clock.systemUTC()).minusMonths(2)));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String enrollmentId = applied.json().path("enrollmentId").asText();
        expect(200, institute.post("/api/enrollments/" + enrollmentId + "/review",
                "{\"decision\": \"FORWARD_TO_COUNCIL\", \"note\": \"材料齐全\"}"));
        expect(200, institute.post("/api/enrollments/" + enrollmentId + "/council-decision",
                "{\"decision\": \"APPROVE\", \"resolutionNumber\": \"温人才院理〔2026〕1号\"}"));
        expect(200, institute.post("/api/enrollments/" + enrollmentId + "/admission", "{}"));

        JsonNode recorded = awaitRecorded(platform, totals -> totals.path("poolHiresJoined").asLong() == 1);
        assertThat(recorded.path("poolHiresCurrent").asLong()).isEqualTo(1);
    }

    private record Platform(String platformId, String creditCode) {
    }

    private record Ranked(String callId, String applicationId) {
    }

    private Platform recognizedPlatform(String name) {
        ApiClient admin = api(StackService.PLATFORM_REGISTRY).as(Role.REGISTRY_ADMIN);
        String creditCode = newCreditCode();
        ApiClient.Response registered = admin.post("/api/platforms", """
                {"creditCode": "%s", "name": "%s-%s", "district": "乐清", "industry": "电气",
                 "legalForm": "PRIVATE_NON_ENTERPRISE", "leadModel": "LEADING_ENTERPRISE", "hosts": ["温州大学"],
                 "registeredOn": "2021-05-10"}"""
                .formatted(creditCode, name, creditCode.substring(10)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String platformId = registered.json().path("platformId").asText();
        expect(200, admin.post("/api/platforms/" + platformId + "/recognition", """
                {"level": "MUNICIPAL", "documentNumber": "温科发〔2021〕9号", "recognizedOn": "2021-06-01"}"""));
        return new Platform(platformId, creditCode);
    }

    private void reportAndEvaluate(Platform platform, int year, String score) {
        ApiClient admin = api(StackService.PLATFORM_REGISTRY).as(Role.REGISTRY_ADMIN);
        expect(200, admin.post("/api/platforms/" + platform.platformId() + "/annual-reports", """
                {"year": %d, "indicators": {"jointRdCentres": 1, "cooperationAgreements": 1, "provincialProjects": 1,
                 "researchFundingFen": 100000, "inventionPatents": 1, "fourTechIncomeFen": 100000, "researchers": 5,
                 "incubatedEnterprises": 0, "resultsTransferred": 1, "localEnterprisesServed": 2}}""".formatted(year)));
        expect(201, admin.post("/api/platforms/" + platform.platformId() + "/evaluations",
                "{\"year\": %d, \"score\": %s}".formatted(year, score)));
    }

    /** A call with one listed demand and one ranked joint bid of a leading enterprise with the platform. */
    private Ranked rankedJointBid(String lead, Platform platform) {
        ApiClient officer = api(StackService.FUNDING).as(Role.FUNDING_OFFICER);
        String callId = created(officer.post("/api/calls", "{\"year\": 2025, \"title\": \"端到端揭榜挂帅\"}"),
                "callId");
        String demanding = newCreditCode();
        for (String leading : List.of(demanding, lead)) {
            expect(200, officer.put("/api/enterprise-tiers/" + leading, """
                    {"tier": "LEADING", "reason": "市级龙头骨干企业名单", "documentRef": "温经信〔2025〕1号"}"""));
        }
        String demandId = created(officer.post("/api/calls/" + callId + "/demands", """
                {"enterpriseCreditCode": "%s", "title": "关键技术需求",
                 "industry": "电气", "budgetCeilingFen": 500000000}""".formatted(demanding)), "demandId");
        expect(200, officer.post("/api/calls/" + callId + "/demands/" + demandId + "/curation", "{\"listed\": true}"));
        expect(200, officer.post("/api/calls/" + callId + "/publication", "{}"));
        ApiClient enterprise = api(StackService.FUNDING).asOrganisation(Role.ENTERPRISE.name(), lead);
        String applicationId = created(enterprise.post("/api/calls/" + callId + "/applications", """
                {"demandId": "%s", "title": "联合攻关方案", "lead": {"creditCode": "%s"},
                 "partners": [{"creditCode": "%s", "platformId": "%s"}],
                 "requestedFen": 100000000}""".formatted(demandId, lead, platform.creditCode(), platform.platformId())),
                "applicationId");
        // the platform confirms its part with its own token: only then is the bid joint
        expect(200, api(StackService.FUNDING).asOrganisation(Role.PLATFORM.name(), platform.creditCode()).post(
                "/api/calls/" + callId + "/applications/" + applicationId + "/partners/" + platform.creditCode()
                        + "/confirmation", "{}"));
        expect(200, officer.post("/api/calls/" + callId + "/applications-closure", ""));
        expect(200, officer.post("/api/calls/" + callId + "/applications/" + applicationId + "/scores",
                "{\"expertRef\": \"EXP-1\", \"score\": 88.50}"));
        expect(200, officer.post("/api/calls/" + callId + "/ranking", "{}"));
        return new Ranked(callId, applicationId);
    }

    private ApiClient.Response award(Ranked ranked) {
        return api(StackService.FUNDING).as(Role.FUNDING_OFFICER).post("/api/calls/" + ranked.callId()
                + "/applications/" + ranked.applicationId() + "/award", """
                {"awardFen": 1000000, "coFundingFen": 500000, "documentRef": "温科项〔2025〕1号",
                 "budget": [{"category": "EQUIPMENT", "amountFen": 300000},
                            {"category": "OPERATING", "amountFen": 400000},
                            {"category": "LABOUR", "amountFen": 200000},
                            {"category": "INDIRECT", "amountFen": 100000}]}""");
    }

    private void awaitStanding(Platform platform, Predicate<JsonNode> reached) {
        ApiClient officer = api(StackService.FUNDING).as(Role.FUNDING_OFFICER);
        await().atMost(PATIENCE).until(() -> {
            ApiClient.Response standing = officer.get("/api/platform-standings/" + platform.platformId());
            return standing.status() == 200 && reached.test(standing.json());
        });
    }

    private JsonNode awaitRecorded(Platform platform, Predicate<JsonNode> reached) {
        ApiClient admin = api(StackService.PLATFORM_REGISTRY).as(Role.REGISTRY_ADMIN);
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            ApiClient.Response detail = admin.get("/api/platforms/" + platform.platformId());
            if (detail.status() != 200) {
                return false;
            }
            last[0] = detail.json().path("recordedTotals");
            return reached.test(last[0]);
        });
        return last[0];
    }

    private static String created(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path(field).asText();
    }

    private static void expect(int status, ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    private static ApiClient api(StackService service) {
        return ApiClient.on(stack.baseUrl(service));
    }

    private static String newCreditCode() {
        StringBuilder first17 = new StringBuilder("913303");
        while (first17.length() < 17) {
            first17.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return first17 + String.valueOf(UnifiedSocialCreditCode.checkCharacter(first17.toString()));
    }

    /** A fictitious resident ID number with a valid GB 11643 check character, different each call. */
    private static String newIdNumber() {
        int n = PEOPLE.incrementAndGet();
        String first17 = "330302" + LocalDate.of(1985, 1, 1).plusDays(n).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
