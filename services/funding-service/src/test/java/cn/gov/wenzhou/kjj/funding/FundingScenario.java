package cn.gov.wenzhou.kjj.funding;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drives funding-service through its REST API, as a funding officer would, to a fresh awarded project. */
public final class FundingScenario {

    private static final AtomicInteger ORGANISATIONS = new AtomicInteger((int) (System.nanoTime() % 50_000));

    /** The second funding officer who approves payments; the officer sets their delegation. */
    public static final String APPROVER = "test-approver";

    public final ApiClient officer;
    public final ApiClient approver;
    public final ApiClient auditor;
    private final ApiClient api;

    public FundingScenario(int port) {
        this.api = ApiClient.on(port);
        this.officer = api.as(Role.FUNDING_OFFICER);
        this.approver = api.withToken(TestTokens.get().mint(APPROVER, List.of(Role.FUNDING_OFFICER.name()), null));
        this.auditor = api.as(Role.FINANCE_AUDITOR);
    }

    /** The approver may approve up to 100,000 yuan at level 1 (set once; setting it again changes nothing). */
    public void delegateApprover() {
        ApiClient.Response response = officer.put("/api/approver-delegations/" + APPROVER, """
                {"level": 1, "limitFen": 10000000, "reason": "科室负责人拨付审批授权"}""");
        if (response.status() != 409 || !response.body().contains("delegation.unchanged")) {
            ok(response);
        }
    }

    /** A fresh, valid credit code, so that tests never share an organisation. */
    public static String newCreditCode() {
        String first17 = "91330300MA" + String.format("%07d", ORGANISATIONS.incrementAndGet() % 10_000_000);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    public ApiClient enterprise(String creditCode) {
        return api.asOrganisation(Role.ENTERPRISE.name(), creditCode);
    }

    /** The bureau records the enterprise as a leading one (the tier demands and the priority rule read). */
    public void recordLeading(String creditCode) {
        recordTier(creditCode, "LEADING");
    }

    /** The bureau records the enterprise's tier; recording the tier it already has changes nothing. */
    public void recordTier(String creditCode, String tier) {
        ApiClient.Response response = officer.put("/api/enterprise-tiers/" + creditCode, """
                {"tier": "%s", "reason": "市级龙头骨干企业名单", "documentRef": "温经信〔2025〕1号"}""".formatted(tier));
        if (response.status() != 409 || !response.body().contains("enterprise-tier.unchanged")) {
            ok(response);
        }
    }

    /** A listed demand of a fresh leading enterprise, on a new call whose list is not yet published. */
    public String demandOnNewCall(String callId) {
        String enterprise = newCreditCode();
        recordLeading(enterprise);
        return created(officer.post("/api/calls/" + callId + "/demands", """
                {"enterpriseCreditCode": "%s", "title": "关键技术需求",
                 "industry": "泵阀", "budgetCeilingFen": 500000000}""".formatted(enterprise)), "demandId");
    }

    /**
     * A call with one listed demand and one ranked application from {@code lead}, a leading enterprise on the bureau's
     * record, with an optional partner (a platform) that confirms its part.
     */
    public Ranked rankedApplication(String lead, String partnerCreditCode, String partnerPlatformId) {
        String callId = created(officer.post("/api/calls", "{\"year\": 2025, \"title\": \"测试揭榜挂帅\"}"), "callId");
        String demandId = demandOnNewCall(callId);
        recordLeading(lead);
        ok(officer.post("/api/calls/" + callId + "/demands/" + demandId + "/curation", "{\"listed\": true}"));
        ok(officer.post("/api/calls/" + callId + "/publication", "{}"));
        String partners = partnerCreditCode == null ? "[]" : """
                [{"creditCode": "%s", "platformId": %s}]""".formatted(partnerCreditCode,
                partnerPlatformId == null ? "null" : "\"" + partnerPlatformId + "\"");
        String applicationId = created(enterprise(lead).post("/api/calls/" + callId + "/applications", """
                {"demandId": "%s", "title": "攻关方案", "lead": {"creditCode": "%s"},
                 "partners": %s, "requestedFen": 100000000}""".formatted(demandId, lead, partners)), "applicationId");
        if (partnerCreditCode != null) {
            ok(api.asOrganisation(Role.PLATFORM.name(), partnerCreditCode).post("/api/calls/" + callId
                    + "/applications/" + applicationId + "/partners/" + partnerCreditCode + "/confirmation", "{}"));
        }
        ok(officer.post("/api/calls/" + callId + "/applications-closure", ""));
        ok(officer.post("/api/calls/" + callId + "/applications/" + applicationId + "/scores",
                "{\"expertRef\": \"EXP-1\", \"score\": 88.50}"));
        ok(officer.post("/api/calls/" + callId + "/ranking", "{}"));
        return new Ranked(callId, demandId, applicationId);
    }

    /** Award 1,000,000 fen: equipment 300k, operating 400k, labour 200k, indirect 100k; tranches 500k/300k/200k. */
    public static final String AWARD_BODY = """
            {"awardFen": 1000000, "coFundingFen": 500000, "documentRef": "温科项〔2025〕1号",
             "budget": [{"category": "EQUIPMENT", "amountFen": 300000},
                        {"category": "OPERATING", "amountFen": 400000},
                        {"category": "LABOUR", "amountFen": 200000},
                        {"category": "INDIRECT", "amountFen": 100000}]}""";

    /** Awards the ranked application {@link #AWARD_BODY}. */
    public ApiClient.Response award(Ranked ranked) {
        return officer.post("/api/calls/" + ranked.callId() + "/applications/" + ranked.applicationId() + "/award",
                AWARD_BODY);
    }

    /** A signed project of a fresh recipient: tranche 1 payable. */
    public Project signedProject() {
        String recipient = newCreditCode();
        Ranked ranked = rankedApplication(recipient, null, null);
        String projectId = created(award(ranked), "projectId");
        ok(officer.post("/api/projects/" + projectId + "/contract", "{\"contractRef\": \"合同-1\"}"));
        return new Project(projectId, ranked.callId(), recipient);
    }

    /**
     * A payment as it happens: the officer requests it and, when the approval rules want a second person (by
     * default every payment), the approver approves it. The answer is the approval's (or the refusal of the request).
     */
    public ApiClient.Response disburse(String projectId, int tranche, Long amountFen) {
        ApiClient.Response requested = request(projectId, tranche, amountFen);
        if (requested.status() != 202) {
            return requested;
        }
        delegateApprover();
        return approve(projectId, requested.json().get("requestId").asText());
    }

    /** The officer's request for a payment: {@code 202} with its {@code requestId} when it needs approval. */
    public ApiClient.Response request(String projectId, int tranche, Long amountFen) {
        return officer.post("/api/projects/" + projectId + "/disbursements", """
                {"trancheNumber": %d, "amountFen": %s, "documentRef": "拨-%d", "reason": "按节点拨付"}"""
                .formatted(tranche, amountFen == null ? "null" : amountFen.toString(), tranche));
    }

    public ApiClient.Response approve(String projectId, String requestId) {
        return approver.post("/api/projects/" + projectId + "/disbursement-requests/" + requestId + "/approval",
                "{\"note\": \"同意\"}");
    }

    public ApiClient.Response spend(String projectId, String category, long amountFen) {
        return officer.post("/api/projects/" + projectId + "/expenditures", """
                {"category": "%s", "amountFen": %d, "voucherRef": "记-%d", "purpose": "采购"}"""
                .formatted(category, amountFen, amountFen));
    }

    /** Waits until the project view shows what the test expects. */
    public JsonNode awaitProject(String projectId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response response = officer.get("/api/projects/" + projectId);
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            return condition.test(last[0]);
        });
        return last[0];
    }

    public static String created(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get(field).asText();
    }

    public static ApiClient.Response ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    public record Ranked(String callId, String demandId, String applicationId) {
    }

    public record Project(String projectId, String callId, String recipient) {
    }
}
