package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.support.security.ResourceServerAutoConfiguration;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.created;
import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An organisation caller (ENTERPRISE, PLATFORM) is confined to the credit code of its token wherever it reads, also
 * when the token carries other roles; without the claim it reads nothing.
 */
@FundingIntegrationTest
class OrganisationScopingApiTest {

    @LocalServerPort
    int port;

    FundingScenario funding;
    ApiClient api;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
        api = ApiClient.on(port);
    }

    @Test
    void projectListForAnEnterpriseTokenWithoutItsCreditCodeIs403() {
        funding.signedProject();
        ApiClient.Response refused = api.as("ENTERPRISE").get("/api/projects");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains(ResourceServerAutoConfiguration.FORBIDDEN_WITHOUT_ORGANISATION);
        assertThat(api.as("ENTERPRISE", "FUNDING_OFFICER").get("/api/projects").status()).isEqualTo(403);
    }

    @Test
    void enterpriseThatIsAlsoAFundingOfficerSeesOnlyItsOwnProjects() {
        Project own = funding.signedProject();
        Project other = funding.signedProject();
        funding.awaitProject(other.projectId(), p -> true);
        ApiClient mixed = api.asOrganisationWithRoles(own.recipient(), "FUNDING_OFFICER", "ENTERPRISE");

        JsonNode listed = ok(mixed.get("/api/projects")).json();
        assertThat(listed).isNotEmpty();
        assertThat(listed).extracting(p -> p.path("recipientCreditCode").asText()).containsOnly(own.recipient());
        assertThat(mixed.get("/api/projects?callId=" + other.callId()).json()).isEmpty();
        assertThat(mixed.get("/api/projects?recipient=" + other.recipient()).status()).isEqualTo(403);
        assertThat(mixed.get("/api/projects/" + other.projectId()).status()).isEqualTo(403);
        assertThat(mixed.get("/api/projects/" + own.projectId()).status()).isEqualTo(200);
    }

    @Test
    void enterpriseThatIsAlsoAFundingOfficerSeesOnlyItsOwnApplications() {
        String own = FundingScenario.newCreditCode();
        String other = FundingScenario.newCreditCode();
        funding.rankedApplication(own, null, null);
        FundingScenario.Ranked theirs = funding.rankedApplication(other, null, null);
        ApiClient mixed = api.asOrganisationWithRoles(own, "ENTERPRISE", "FINANCE_AUDITOR");
        // the other's application in the view first: a 404 would say nothing about scoping
        await().atMost(Duration.ofSeconds(30)).until(() ->
                funding.officer.get("/api/applications/" + theirs.applicationId()).status() == 200);

        assertThat(ok(mixed.get("/api/applications")).json())
                .extracting(a -> a.path("leadCreditCode").asText()).containsOnly(own);
        assertThat(mixed.get("/api/applications?creditCode=" + other).status()).isEqualTo(403);
        assertThat(mixed.get("/api/applications/" + theirs.applicationId()).status()).isEqualTo(403);
    }

    @Test
    void enterpriseThatIsAlsoAFundingOfficerSeesOnlyThePublishedListOfACall() {
        String callId = created(funding.officer.post("/api/calls", "{\"year\": 2025, \"title\": \"范围\"}"), "callId");
        String enterprise = FundingScenario.newCreditCode();
        funding.recordLeading(enterprise);
        created(funding.officer.post("/api/calls/" + callId + "/demands", """
                {"enterpriseCreditCode": "%s", "title": "未公布需求",
                 "budgetCeilingFen": 100}""".formatted(enterprise)), "demandId");
        ApiClient mixed = api.asOrganisationWithRoles(FundingScenario.newCreditCode(), "FUNDING_OFFICER",
                "ENTERPRISE");

        // the demand list is a projection: once the officer sees the demand, the mixed token's answer is final
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ok(funding.officer.get("/api/calls/" + callId + "/demands")).json()).hasSize(1));
        assertThat(ok(mixed.get("/api/calls/" + callId + "/demands")).json()).isEmpty();
    }
}
