package cn.gov.wenzhou.kjj.faults;

import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.devstack.StackService;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static cn.gov.wenzhou.kjj.faults.Requests.concurrently;
import static cn.gov.wenzhou.kjj.faults.Requests.creditCode;
import static cn.gov.wenzhou.kjj.faults.Requests.expect;
import static cn.gov.wenzhou.kjj.faults.Requests.ruleCounts;
import static cn.gov.wenzhou.kjj.faults.Requests.statusCounts;
import static cn.gov.wenzhou.kjj.faults.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault-injection suite: the three services as processes of their own on the suite's PostgreSQL and Kafka,
 * under hostile input, concurrent commands and a database outage. Each scenario keeps the history of every request
 * and answer ({@link History}) and checks the end state against it; the figures go to the report. The numbers are
 * system properties (the pom's bounded form; {@code fault-suite/run.sh} for the long form).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** The bound stated for an answer while PostgreSQL is away (operators.md: a 503 within 2 s, plus slack). */
    private static final Duration OUTAGE_ANSWER_BOUND = Duration.ofSeconds(5);

    /** An outage scenario's stream of commands and how long its fault lasts (the pom's bounded form, run.sh's). */
    private static final int OUTAGE_COMMANDS = Integer.getInteger("fault.outage.commands", 60);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("fault.outage.seconds", 10));

    private final Report report = new Report();
    private FaultStack stack;
    private String registry;
    private String funding;
    private String talent;
    private final Map<String, String> seeds = new HashMap<>();

    @BeforeAll
    void startTheSystem() throws Exception {
        stack = FaultStack.start();
        registry = stack.baseUrl(StackService.PLATFORM_REGISTRY);
        funding = stack.baseUrl(StackService.FUNDING);
        talent = stack.baseUrl(StackService.TALENT_POOL);
        seeds.put("platformId", recognizedPlatform("种子平台"));
        seeds.put("callId", expect(201, Http.send("POST", funding + "/api/calls", Callers.role("FUNDING_OFFICER"),
                "{\"year\": " + today().getYear() + ", \"title\": \"故障注入榜单\"}")).json().orElseThrow()
                .path("callId").asText());
        seeds.put("creditCode", creditCode());
        seeds.put("enrollmentId", apply(seeds.get("creditCode"), 0));
        seeds.put("year", String.valueOf(today().getYear()));
    }

    @AfterAll
    void writeTheReportAndStop() throws Exception {
        try {
            report.write(Path.of(System.getProperty("fault.report.directory", "target/fault-report")),
                    System.getProperty("fault.form", "bounded"));
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    @Order(1)
    void hostileRequestsAreAllRefusedWithProblemDetailsAndChangeNothing() throws Exception {
        List<HostileRequests.Request> all = new ArrayList<>();
        Map<StackService, String> bases = Map.of(StackService.PLATFORM_REGISTRY, registry, StackService.FUNDING,
                funding, StackService.TALENT_POOL, talent);
        for (StackService service : StackService.values()) {
            JsonNode docs = expect(200, Http.send("GET", bases.get(service) + "/v3/api-docs", null, (byte[]) null))
                    .json().orElseThrow();
            all.addAll(HostileRequests.generate(service.name(), docs, seeds::get));
        }
        List<HostileRequests.Request> chosen = spread(all, Integer.getInteger("fault.hostile.requests", 1200));
        awaitQuiet();
        StoreState before = StoreState.of(stack);

        History history = new History();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (HostileRequests.Request request : chosen) {
            String url = bases.get(StackService.valueOf(request.service())) + request.path();
            sent.add(senders.submit(() -> history.record(request.method() + " " + request.path(), request.kind(),
                    () -> Http.send(request.method(), url, Callers.token(request.token(), seeds.get("creditCode")),
                            request.body()))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        senders.shutdown();
        awaitQuiet();
        StoreState after = StoreState.of(stack);

        List<History.Entry> cutOff = history.entries().stream()
                .filter(e -> !e.answer().answered() && HostileRequests.BEYOND_READ_LIMIT.equals(e.key())).toList();
        List<History.Entry> serverErrors = history.entries().stream()
                .filter(e -> (!e.answer().answered() || e.answer().status() >= 500) && !cutOff.contains(e)).toList();
        List<History.Entry> notProblems = history.entries().stream()
                .filter(e -> e.answer().answered() && !e.answer().isProblemDetail()).toList();
        List<History.Entry> accepted = history.entries().stream().filter(e -> e.answer().answered() && e.answer().status() < 400).toList();
        List<String> changed = after.changedSince(before);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operations", all.stream().map(r -> r.service() + " " + r.method() + " " + r.path()).distinct()
                .count());
        details.put("generated", all.size());
        details.put("statuses", statusCounts(history));
        details.put("5xx or unanswered", serverErrors.size());
        details.put("bodies beyond the 2 MB Tomcat reads, connection closed before the 413 was read", cutOff.size());
        details.put("not a problem detail", notProblems.size());
        details.put("accepted (2xx)", accepted.size());
        details.put("tables changed", changed);
        details.put("event store rows before/after", before.events() + " / " + after.events());
        examples(details, "5xx examples", serverErrors);
        examples(details, "non-problem examples", notProblems);
        examples(details, "accepted examples", accepted);
        report.add(new Report.Scenario("hostile input", "Every bad request across every POST/PUT operation of the "
                + "three services is answered below 500 with an RFC 9457 problem detail, and changes nothing: the "
                + "event stores' row counts and every table's checksum are equal before and after. A body over the "
                + "1 MB limit is a 413; one beyond the 2 MB Tomcat reads of a refused body may instead see its "
                + "connection closed (counted below), also changing nothing.",
                history.sent(), history.answered(), history.refused(), 0, accepted.size(),
                history.longestAnswerMillis(), -1, details));

        assertThat(history.sent()).isGreaterThanOrEqualTo(Math.min(1000, all.size()));
        assertThat(serverErrors).as("answers 5xx or none").isEmpty();
        assertThat(notProblems).as("answers that are no problem detail").isEmpty();
        assertThat(accepted).as("bad requests accepted").isEmpty();
        assertThat(after.events()).isEqualTo(before.events());
        assertThat(changed).as("tables changed by refused requests").isEmpty();
    }

    @Test
    @Order(2)
    void concurrentAdmissionsFillTheQuotaExactly() throws Exception {
        int quota = Integer.getInteger("fault.admission.quota", 10);
        int candidates = Integer.getInteger("fault.concurrent.admissions", 100);
        String year = String.valueOf(today().getYear());
        expect(200, Http.send("PUT", talent + "/api/pool/quotas/" + year, Callers.role("TALENT_INSTITUTE"),
                "{\"posts\": " + quota + ", \"reason\": \"故障注入\"}"));
        String employer = creditCode();
        List<String> approved = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            String id = apply(employer, i + 1);
            expect(200, Http.send("POST", talent + "/api/enrollments/" + id + "/review",
                    Callers.role("TALENT_INSTITUTE"), "{\"decision\": \"FORWARD_TO_COUNCIL\", \"note\": \"齐全\"}"));
            expect(200, Http.send("POST", talent + "/api/enrollments/" + id + "/council-decision",
                    Callers.role("TALENT_INSTITUTE"),
                    "{\"decision\": \"APPROVE\", \"resolutionNumber\": \"温人才院理〔2026〕1号\"}"));
            approved.add(id);
        }
        long admittedBefore = StoreState.eventsOfType(stack, StackService.TALENT_POOL, "HireAdmitted", null);

        History history = concurrently(approved, id -> Http.send("POST", talent + "/api/enrollments/" + id
                + "/admission", Callers.role("TALENT_INSTITUTE"), "{}"), "admit");

        long answeredAdmitted = history.count(e -> e.answer().status() == 200);
        long stored = StoreState.eventsOfType(stack, StackService.TALENT_POOL, "HireAdmitted", null) - admittedBefore;
        long storedForAnswered = history.entries().stream().filter(e -> e.answer().status() == 200)
                .mapToLong(e -> StoreState.eventsOfType(stack, StackService.TALENT_POOL, "HireAdmitted", e.key()))
                .sum();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("quota", quota);
        details.put("statuses", statusCounts(history));
        details.put("rules", ruleCounts(history));
        details.put("HireAdmitted stored", stored);
        details.put("shed under load (503, Retry-After, nothing stored)", history.count(e -> e.answer().status() == 503));
        report.add(new Report.Scenario("concurrent admissions", candidates + " approved hires admitted at once into "
                + "a quota of " + quota + ": exactly " + quota + " are admitted, the others refused with "
                + "pool.quota-exhausted (or, beyond the database connections, shed with 503 and Retry-After, nothing "
                + "done); the store holds one admission per admitted answer.", history.sent(),
                history.answered(), history.refused(), answeredAdmitted - storedForAnswered,
                Math.max(0, stored - answeredAdmitted), history.longestAnswerMillis(), -1, details));

        assertThat(history.answered()).isEqualTo(candidates);
        // under more concurrent commands than database connections, a command that waited 2 s for one is shed:
        // 503 with a problem detail and Retry-After, and nothing done
        List<History.Entry> shed = history.entries().stream().filter(e -> e.answer().status() >= 500).toList();
        assertThat(shed).allSatisfy(e -> {
            assertThat(e.answer().status()).isEqualTo(503);
            assertThat(e.answer().isProblemDetail()).isTrue();
            assertThat(e.answer().retryAfter()).isNotBlank();
            assertThat(StoreState.eventsOfType(stack, StackService.TALENT_POOL, "HireAdmitted", e.key())).isZero();
        });
        assertThat(answeredAdmitted).isEqualTo(quota);
        assertThat(stored).isEqualTo(quota);
        assertThat(storedForAnswered).isEqualTo(quota);
        assertThat(history.count(e -> e.answer().status() == 409
                && "pool.quota-exhausted".equals(e.answer().rule()))).isEqualTo(candidates - quota - shed.size());
    }

    @Test
    @Order(3)
    void concurrentDisbursementsIntoOneAwardNeverPayMoreThanIt() throws Exception {
        int disbursements = Integer.getInteger("fault.concurrent.disbursements", 50);
        // a signed project of a fresh recipient through funding's own API (award 1,000,000 fen, tranche 1 payable)
        FundingScenario funding = new FundingScenario(port(StackService.FUNDING));
        String projectId = funding.signedProject().projectId();
        funding.delegateApprover();
        JsonNode project = expect(200, Http.send("GET", this.funding + "/api/projects/" + projectId,
                Callers.role("FUNDING_OFFICER"), (byte[]) null)).json().orElseThrow();
        long award = project.path("awardFen").asLong();
        long tranche = project.path("tranches").get(0).path("plannedFen").asLong();
        // each payment a slice of the tranche: together the requests ask for more than the award
        long amount = Math.max(1, Math.max(tranche / 16, (award + award / 2) / disbursements));
        long fitting = tranche / amount;
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < disbursements; i++) {
            requests.add("payment-" + i);
        }
        String officer = Callers.role("FUNDING_OFFICER");
        History history = concurrently(requests, key -> Http.send("POST", this.funding + "/api/projects/"
                + projectId + "/disbursements", officer, """
                {"trancheNumber": 1, "amountFen": %d, "documentRef": "拨付单-%s", "reason": "并发拨付"}"""
                .formatted(amount, key)), "request payment");
        // a second officer approves every request, each twice at once: a decided request is not decided again
        List<String> requestIds = history.entries().stream().filter(e -> e.answer().status() == 202)
                .map(e -> e.answer().json().orElseThrow().path("requestId").asText()).toList();
        List<String> approvals = new ArrayList<>(requestIds);
        approvals.addAll(requestIds);
        String approver = Callers.person(FundingScenario.APPROVER, "FUNDING_OFFICER");
        History approved = requestIds.isEmpty() ? new History() : concurrently(approvals, requestId -> Http.send(
                "POST", this.funding + "/api/projects/" + projectId + "/disbursement-requests/" + requestId
                        + "/approval", approver, "{\"note\": \"同意\"}"), "approve");

        long requested = history.count(e -> e.answer().status() == 202);
        long paid = approved.count(e -> e.answer().status() == 200);
        long paidFen = StoreState.sumOfEvents(stack, StackService.FUNDING, "TrancheDisbursed", "projectId", projectId,
                "amountFen");
        long payments = StoreState.eventsWhere(stack, StackService.FUNDING, "TrancheDisbursed", "projectId",
                projectId);
        long shed = history.count(e -> e.answer().status() == 503) + approved.count(e -> e.answer().status() == 503);
        long expectedPayments = Math.min(fitting, disbursements - history.count(e -> e.answer().status() == 503));
        JsonNode after = funding.awaitProject(projectId, view -> view.path("disbursedFen").asLong() == paidFen);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("award (fen)", award);
        details.put("tranche 1 (fen)", tranche);
        details.put("each request (fen)", amount);
        details.put("asked for together (fen)", Math.multiplyExact(amount, disbursements));
        details.put("request statuses", statusCounts(history));
        details.put("request rules", ruleCounts(history));
        details.put("approval statuses (each request approved twice at once)", statusCounts(approved));
        details.put("approval rules", ruleCounts(approved));
        details.put("TrancheDisbursed stored", payments);
        details.put("paid in the store (fen)", paidFen);
        details.put("disbursed in the project view (fen)", after.path("disbursedFen").asLong());
        details.put("shed under load (503, Retry-After, nothing stored)", shed);
        report.add(new Report.Scenario("concurrent disbursements", disbursements + " payment requests into one "
                + "award at once, asking together for more than it, then each request approved twice at once: the "
                + "pending requests reserve their amounts, so those that fit the tranche are accepted and the rest "
                + "refused (disbursement.exceeds-tranche); each accepted request is paid once; the sum paid is never "
                + "above the tranche nor the award.", history.sent() + approved.sent(),
                history.answered() + approved.answered(), history.refused() + approved.refused(),
                Math.max(0, paid - payments), Math.max(0, payments - paid),
                Math.max(history.longestAnswerMillis(), approved.longestAnswerMillis()), -1, details));

        assertThat(history.answered()).isEqualTo(disbursements);
        assertThat(approved.answered()).isEqualTo(approvals.size());
        List<History.Entry> serverErrors = new ArrayList<>(history.entries());
        serverErrors.addAll(approved.entries());
        assertThat(serverErrors.stream().filter(e -> e.answer().status() >= 500)).allSatisfy(e -> {
            assertThat(e.answer().status()).isEqualTo(503);
            assertThat(e.answer().isProblemDetail()).isTrue();
            assertThat(e.answer().retryAfter()).isNotBlank();
        });
        assertThat(paidFen).isLessThanOrEqualTo(tranche).isLessThanOrEqualTo(award);
        assertThat(after.path("disbursedFen").asLong()).isEqualTo(paidFen);
        assertThat(requested).isEqualTo(expectedPayments);
        assertThat(history.count(e -> e.answer().status() == 409
                && "disbursement.exceeds-tranche".equals(e.answer().rule())))
                .isEqualTo(disbursements - requested - history.count(e -> e.answer().status() == 503));
        // per request: paid once if any of its two approvals was not shed, the other approval refused as decided
        for (String requestId : requestIds) {
            List<History.Entry> decisions = approved.entries().stream().filter(e -> e.key().equals(requestId))
                    .toList();
            long shedDecisions = decisions.stream().filter(e -> e.answer().status() == 503).count();
            assertThat(decisions.stream().filter(e -> e.answer().status() == 200).count()).as(requestId)
                    .isEqualTo(shedDecisions == decisions.size() ? 0 : 1);
            assertThat(decisions.stream().filter(e -> e.answer().status() != 200 && e.answer().status() != 503))
                    .allSatisfy(e -> assertThat(e.answer().rule()).as(e.answer().body())
                            .isEqualTo("approval.not-pending"));
        }
        assertThat(payments).as("payments stored").isEqualTo(paid);
        assertThat(paidFen).isEqualTo(Math.multiplyExact(amount, payments));
    }

    @Test
    @Order(4)
    void concurrentEvaluationsOfOnePlatformYearRecordOne() throws Exception {
        int evaluations = Integer.getInteger("fault.concurrent.evaluations", 20);
        String platformId = recognizedPlatform("并发评价平台");
        expect(200, Http.send("POST", registry + "/api/platforms/" + platformId + "/annual-reports",
                Callers.role("REGISTRY_ADMIN"), reportBody(2024)));
        List<String> attempts = new ArrayList<>();
        for (int i = 0; i < evaluations; i++) {
            attempts.add(platformId);
        }
        History history = concurrently(attempts, id -> Http.send("POST", registry + "/api/platforms/" + id
                + "/evaluations", Callers.role("REGISTRY_ADMIN"),
                "{\"year\": 2024, \"score\": " + (70 + ThreadLocalRandom.current().nextInt(20)) + "}"), "evaluate");

        long recorded = history.count(e -> e.answer().status() == 201);
        long stored = StoreState.eventsOfType(stack, StackService.PLATFORM_REGISTRY, "PlatformEvaluated", platformId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statuses", statusCounts(history));
        details.put("rules", ruleCounts(history));
        details.put("PlatformEvaluated stored", stored);
        report.add(new Report.Scenario("concurrent evaluations", evaluations + " evaluations of one platform-year "
                + "at once: one is recorded, the others refused with evaluation.once-per-year.", history.sent(),
                history.answered(), history.refused(), Math.max(0, recorded - stored), Math.max(0, stored - recorded),
                history.longestAnswerMillis(), -1, details));

        assertThat(history.answered()).isEqualTo(evaluations);
        assertThat(history.count(e -> e.answer().status() >= 500)).isZero();
        assertThat(recorded).isEqualTo(1);
        assertThat(stored).isEqualTo(1);
        assertThat(history.count(e -> e.answer().status() == 409
                && "evaluation.once-per-year".equals(e.answer().rule()))).isEqualTo(evaluations - 1);
    }

    @Test
    @Order(5)
    void postgresRestartedMidStreamAnswers503FastAndLosesNothing() throws Exception {
        int commands = OUTAGE_COMMANDS;
        Duration outage = OUTAGE;
        History history = new History();
        Map<String, String> creditCodes = new LinkedHashMap<>();
        AtomicLong longestDuringOutage = new AtomicLong();

        for (int i = 0; i < commands / 2; i++) {
            register(history, creditCodes, "故障前");
        }
        stack.stopPostgres();
        long outageStarted = System.nanoTime();
        int duringOutage = 0;
        while (System.nanoTime() - outageStarted < outage.toNanos() || duringOutage < 5) {
            Http.Answer answer = register(history, creditCodes, "故障中");
            longestDuringOutage.accumulateAndGet(answer.millis(), Math::max);
            duringOutage++;
        }
        stack.startPostgres();
        long restarted = System.nanoTime();
        Http.Answer first;
        do {
            first = register(history, creditCodes, "恢复中");
        } while (first.status() != 201 && System.nanoTime() - restarted < PATIENCE.toNanos());
        long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
        for (int i = 0; i < commands / 2; i++) {
            register(history, creditCodes, "恢复后");
        }

        // the end state against the history: each 201 is one platform, each refusal none
        List<String> answeredDone = history.entries().stream().filter(e -> e.answer().status() == 201)
                .map(History.Entry::key).toList();
        List<String> notDone = history.entries().stream().filter(e -> e.answer().status() != 201)
                .map(History.Entry::key).toList();
        Map<String, Long> platforms = new HashMap<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            platforms.clear();
            for (String code : creditCodes.keySet()) {
                platforms.put(code, registered(code));
            }
            assertThat(answeredDone).allSatisfy(code -> assertThat(platforms.get(code)).isEqualTo(1));
        });
        long lost = answeredDone.stream().filter(code -> platforms.get(code) == 0).count();
        long doubled = creditCodes.keySet().stream().filter(code -> platforms.get(code) > 1).count();
        long halfDone = notDone.stream().filter(code -> platforms.get(code) > 0).count();
        List<History.Entry> outageAnswers = history.entries().stream()
                .filter(e -> e.answer().status() != 201).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outage", outage.toSeconds() + " s, PostgreSQL stopped (fast shutdown) and started again");
        details.put("statuses", statusCounts(history));
        details.put("answers during the outage, all 503 problem details with Retry-After", outageAnswers.stream()
                .allMatch(e -> e.answer().status() == 503 && e.answer().isProblemDetail()
                        && e.answer().retryAfter() != null));
        details.put("longest answer during the outage (ms)", longestDuringOutage.get());
        details.put("refused commands that were stored anyway (half done)", halfDone);
        details.put("projection rows: every 201 is listed by its credit code, once", lost == 0 && doubled == 0);
        report.add(new Report.Scenario("PostgreSQL restarted mid-stream", "While the database is away every command "
                + "is answered 503 with a problem detail within " + OUTAGE_ANSWER_BOUND.toSeconds() + " s, none is "
                + "half done, and the service recovers without a restart: every 201 is in the store and its view "
                + "once.", history.sent(), history.answered(), history.refused(), lost, doubled,
                longestDuringOutage.get(), recoveryMillis, details));

        assertThat(history.answered()).isEqualTo(history.sent());
        assertThat(outageAnswers).allSatisfy(e -> {
            assertThat(e.answer().status()).as(e.answer().body()).isEqualTo(503);
            assertThat(e.answer().isProblemDetail()).isTrue();
            assertThat(e.answer().retryAfter()).as("Retry-After").isNotBlank();
        });
        assertThat(longestDuringOutage.get()).isLessThan(OUTAGE_ANSWER_BOUND.toMillis());
        assertThat(first.status()).as("a command succeeds again after the restart").isEqualTo(201);
        assertThat(lost).isZero();
        assertThat(doubled).isZero();
        assertThat(halfDone).isZero();
    }

    @Test
    @Order(6)
    void kafkaDownMidStreamLosesAndDoublesNothingDownstream() throws Exception {
        int commands = OUTAGE_COMMANDS;
        Duration outage = OUTAGE;
        History history = new History();
        Map<String, String> creditCodes = new LinkedHashMap<>();
        String officer = Callers.role("FUNDING_OFFICER");
        String institute = Callers.role("TALENT_INSTITUTE");

        // commands of the other two services whose effects reach the registry's indicators over Kafka: admissions of
        // a platform's hires (talent.enrollment.v1) and awards with the platform as partner (funding.project.v1),
        // made ready before the outage and decided during it
        int hires = Math.max(3, commands / 50);
        int awards = Math.max(2, commands / 100);
        String platformCode = creditCode();
        String platformId = recognizedPlatform("断连指标平台", platformCode);
        await().atMost(PATIENCE).until(() -> StoreState.eventsOfType(stack, StackService.TALENT_POOL,
                "PlatformStatusNoted", platformId) >= 2 && StoreState.eventsOfType(stack, StackService.FUNDING,
                "PlatformStandingRecorded", platformId) >= 2);
        String year = String.valueOf(today().getYear());
        // room for them in this year's pool (404: no quota decided yet for the year, nothing taken)
        Http.Answer pool = Http.send("GET", talent + "/api/pool/status/" + year, institute, (byte[]) null);
        JsonNode poolYear = pool.status() == 404 ? Http.JSON.createObjectNode()
                : expect(200, pool).json().orElseThrow();
        expect(200, Http.send("PUT", talent + "/api/pool/quotas/" + year, institute, "{\"posts\": "
                + (Math.max(poolYear.path("quota").asInt(), poolYear.path("taken").asInt()) + hires)
                + ", \"reason\": \"故障注入扩编\"}"));
        List<String> enrollments = new ArrayList<>();
        for (int i = 0; i < hires; i++) {
            String id = apply(platformCode, i);
            expect(200, Http.send("POST", talent + "/api/enrollments/" + id + "/review", institute,
                    "{\"decision\": \"FORWARD_TO_COUNCIL\", \"note\": \"齐全\"}"));
            expect(200, Http.send("POST", talent + "/api/enrollments/" + id + "/council-decision", institute,
                    "{\"decision\": \"APPROVE\", \"resolutionNumber\": \"温人才院理〔2026〕2号\"}"));
            enrollments.add(id);
        }
        FundingScenario fundingApi = new FundingScenario(port(StackService.FUNDING));
        List<FundingScenario.Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < awards; i++) {
            ranked.add(fundingApi.rankedApplication(FundingScenario.newCreditCode(), platformCode, platformId));
        }

        for (int i = 0; i < commands / 3; i++) {
            register(history, creditCodes, "断连前");
        }
        stack.stopKafka();
        long outageStarted = System.nanoTime();
        long longestDuringOutage = 0;
        List<String> admitted = new ArrayList<>();
        for (String id : enrollments) {
            Http.Answer answer = history.record("admit", id, () -> Http.send("POST", talent + "/api/enrollments/"
                    + id + "/admission", institute, "{}"));
            longestDuringOutage = Math.max(longestDuringOutage, answer.millis());
            if (answer.status() == 200) {
                admitted.add(id);
            }
        }
        List<String> projects = new ArrayList<>();
        for (FundingScenario.Ranked application : ranked) {
            Http.Answer answer = history.record("award", application.applicationId(), () -> Http.send("POST",
                    funding + "/api/calls/" + application.callId() + "/applications/" + application.applicationId()
                            + "/award", officer, FundingScenario.AWARD_BODY));
            longestDuringOutage = Math.max(longestDuringOutage, answer.millis());
            if (answer.status() == 201) {
                projects.add(answer.json().orElseThrow().path("projectId").asText());
            }
        }
        int duringOutage = admitted.size() + projects.size();
        while (System.nanoTime() - outageStarted < outage.toNanos() || duringOutage < commands / 3) {
            longestDuringOutage = Math.max(longestDuringOutage, register(history, creditCodes, "断连中").millis());
            duringOutage++;
        }
        stack.startKafka();
        long restarted = System.nanoTime();
        for (int i = 0; i < commands / 3; i++) {
            register(history, creditCodes, "恢复后");
        }

        // downstream, exactly once each: funding's standing and talent's platform directory of every registered
        // platform (registry.platform.v1), the registry's indicators of every admission and award
        List<String> platformIds = history.entries().stream().filter(e -> e.operation().equals("register")
                && e.answer().status() == 201)
                .map(e -> e.answer().json().orElseThrow().path("platformId").asText()).toList();
        Map<String, Long> effects = new LinkedHashMap<>();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String id : platformIds) {
                effects.put("funding standing " + id, StoreState.eventsOfType(stack, StackService.FUNDING,
                        "PlatformStandingRecorded", id));
                effects.put("talent directory " + id, StoreState.eventsOfType(stack, StackService.TALENT_POOL,
                        "PlatformStatusNoted", id));
            }
            for (String id : admitted) {
                effects.put("registry researchers " + id, StoreState.eventsWhere(stack,
                        StackService.PLATFORM_REGISTRY, "PoolHireJoined", "enrollmentId", id));
            }
            for (String id : projects) {
                effects.put("registry projects won " + id, StoreState.eventsWhere(stack,
                        StackService.PLATFORM_REGISTRY, "FundedProjectWon", "projectId", id));
            }
            // a failure names what was lost, not only how many: the effects not observed at all
            assertThat(effects.entrySet().stream().filter(effect -> effect.getValue() == 0).map(Map.Entry::getKey)
                    .toList()).as("downstream effects missing (observed 0 times) of %d", effects.size()).isEmpty();
        });
        long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
        // and every registration's event on its topic
        java.util.Set<String> onTopic = keysOnTopic(Topics.REGISTRY_PLATFORM_V1);
        long missingOnTopic = platformIds.stream().filter(id -> !onTopic.contains(id)).count();
        long lost = effects.values().stream().filter(count -> count == 0).count() + missingOnTopic;
        long doubled = effects.values().stream().filter(count -> count > 1).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outage", outage.toSeconds() + " s, the broker stopped and started again on its log directory");
        details.put("statuses", statusCounts(history));
        details.put("commands during the outage", duringOutage);
        details.put("of them admissions (talent) and awards (funding)", admitted.size() + " and " + projects.size());
        details.put("downstream effects checked", effects.size() + ": funding-service's PlatformStandingRecorded and "
                + "talent-pool-service's PlatformStatusNoted per registration (its standing on "
                + "registry.platform.v2), the "
                + "registry's PoolHireJoined per admission (talent.enrollment.v1) and FundedProjectWon per award "
                + "(funding.project.v1)");
        details.put("registrations missing on registry.platform.v1", missingOnTopic);
        details.put("recovery", "from the broker's restart until every downstream effect was applied");
        report.add(new Report.Scenario("Kafka down mid-stream", "While the broker is away commands of the three "
                + "services still succeed (publishing resumes from its token); after it is back every event is on "
                + "its topic and every downstream effect is applied exactly once: funding's standing and talent's "
                + "platform directory of each registration, the registry's indicators of each admission and award "
                + "(0 lost, 0 doubled: the consumers' ce_id records absorb redeliveries).",
                history.sent(), history.answered(), history.refused(), lost, doubled, longestDuringOutage,
                recoveryMillis, details));

        assertThat(history.answered()).isEqualTo(history.sent());
        assertThat(history.count(e -> e.answer().status() >= 400)).as("commands refused").isZero();
        assertThat(admitted).hasSize(hires);
        assertThat(projects).hasSize(awards);
        assertThat(missingOnTopic).isZero();
        assertThat(lost).isZero();
        assertThat(effects.entrySet().stream().filter(effect -> effect.getValue() > 1)
                .map(effect -> effect.getKey() + " x" + effect.getValue()).toList())
                .as("downstream effects applied more than once").isEmpty();
        assertThat(doubled).isZero();
    }

    /** The keys of every record on {@code topic}, read from its beginning as the broker's administrator. */
    private java.util.Set<String> keysOnTopic(String topic) {
        return onTopic(topic, org.apache.kafka.clients.consumer.ConsumerRecord::key);
    }

    /** The {@code ce_id} of every record on {@code topic}, read from its beginning as the broker's administrator. */
    private java.util.Set<String> ceIdsOnTopic(String topic) {
        return onTopic(topic, record -> {
            org.apache.kafka.common.header.Header id = record.headers().lastHeader("ce_id");
            return id == null ? null : new String(id.value(), java.nio.charset.StandardCharsets.UTF_8);
        });
    }

    private java.util.Set<String> onTopic(String topic, java.util.function.Function<
            org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>, String> what) {
        try (var reader = stack.kafkaReader()) {
            var partitions = reader.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = reader.endOffsets(partitions);
            java.util.Set<String> found = new java.util.HashSet<>();
            await().atMost(PATIENCE).until(() -> {
                reader.poll(Duration.ofMillis(500)).forEach(record -> found.add(what.apply(record)));
                return partitions.stream().allMatch(p -> reader.position(p) >= ends.get(p));
            });
            return found;
        }
    }

    @Test
    @Order(7)
    void servicesKilledWhilePublishingAndConsumingLoseAndDoubleNothing() throws Exception {
        int commands = OUTAGE_COMMANDS;
        History history = new History();
        Map<String, String> creditCodes = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < commands / 4; i++) {
            register(history, creditCodes, "击杀前");
        }
        // the consumer: funding-service killed while registrations stream in, restarted
        stack.kill(StackService.FUNDING);
        for (int i = 0; i < commands / 4; i++) {
            register(history, creditCodes, "消费方停");
        }
        long fundingStartMillis = relaunch(StackService.FUNDING);

        // the publisher: the registry killed in the middle of a stream (its publisher is following it)
        java.util.concurrent.atomic.AtomicBoolean streaming = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService streamer = Executors.newSingleThreadExecutor();
        Future<?> stream = streamer.submit(() -> {
            // until the kill cuts it off: the request in flight then is never answered
            while (streaming.get() && register(history, creditCodes, "发布方停").answered()) {
                Thread.onSpinWait();
            }
        });
        long answeredBefore = history.answered();
        await().atMost(PATIENCE).until(() -> history.answered() >= answeredBefore + Math.max(5, commands / 10));
        stack.kill(StackService.PLATFORM_REGISTRY);
        long registryStartMillis = relaunch(StackService.PLATFORM_REGISTRY);
        stopThenRegister(streaming, stream, streamer, commands / 4, history, creditCodes);

        // end state against the history: a 201 is in the registry and in funding once; an unanswered command is in
        // both once or in neither
        Registrations registrations = awaitConsumedByFunding(history, creditCodes.keySet());
        Map<String, Long> inRegistry = registrations.inRegistry();
        List<String> answeredDone = registrations.answeredDone();
        long unanswered = history.count(e -> !e.answer().answered());
        long lost = registrations.lost();
        long doubled = registrations.doubled();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statuses (0 = no answer: the registry was dead)", statusCounts(history));
        details.put("funding-service (consumer) SIGKILLed, restarted in (ms)", fundingStartMillis);
        details.put("platform-registry (publisher) SIGKILLed mid-stream, restarted in (ms)", registryStartMillis);
        details.put("unanswered commands stored (in the registry and funding once each)", creditCodes.keySet()
                .stream().filter(code -> !answeredDone.contains(code) && inRegistry.get(code) == 1).count());
        report.add(new Report.Scenario("SIGKILL while publishing and consuming", "A service killed with SIGKILL "
                + "loses nothing it answered: after its restart every registration is in the registry and in "
                + "funding-service exactly once (the publisher resumes from its token, the consumer's ce_id records "
                + "absorb redeliveries); a command the dead service never answered is in both once or in neither.",
                history.sent(), history.answered(), history.refused(), lost, doubled, history.longestAnswerMillis(),
                Math.max(fundingStartMillis, registryStartMillis), details));

        assertThat(history.count(e -> e.answer().status() >= 400)).as("refusals").isZero();
        assertThat(unanswered).as("commands sent while the registry was dead").isPositive();
        assertThat(lost).isZero();
        assertThat(doubled).isZero();
    }

    @Test
    @Order(8)
    void aPoisonRecordOnEachConsumedTopicIsDeadLetteredWithItsReasonAndWhatFollowsIsConsumed() throws Exception {
        // topic, an event type of its producer, and the services that consume it
        record Poison(String topic, String type, List<StackService> consumers, String ceId, String payload) {
        }
        String seedPlatform = seeds.get("platformId");
        List<Poison> poisons = List.of(
                new Poison(Topics.REGISTRY_PLATFORM_V2, IntegrationEventCatalog.typeOf(
                        cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged.class),
                        List.of(StackService.FUNDING, StackService.TALENT_POOL), java.util.UUID.randomUUID().toString(),
                        "{}"),
                new Poison(Topics.FUNDING_PROJECT_V1, IntegrationEventCatalog.typeOf(
                        cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded.class),
                        List.of(StackService.PLATFORM_REGISTRY), java.util.UUID.randomUUID().toString(),
                        // a known platform, an award the registry's bounds refuse: it fails on every delivery
                        "{\"projectId\": \"poison\", \"platformId\": \"" + seedPlatform + "\", \"awardFen\": -5}"),
                new Poison(Topics.TALENT_ENROLLMENT_V1, IntegrationEventCatalog.typeOf(
                        cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted.class),
                        List.of(StackService.PLATFORM_REGISTRY), java.util.UUID.randomUUID().toString(),
                        // a known platform, a date that is none: it cannot be read
                        "{\"enrollmentId\": \"poison\", \"platformId\": \"" + seedPlatform
                                + "\", \"admittedOn\": \"not-a-date\"}"));
        for (Poison poison : poisons) {
            // sent as the topic's producer: the broker lets no one else write it
            try (var producer = stack.kafkaProducerFor(poison.topic())) {
                var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(poison.topic(),
                        "poison-" + poison.ceId(), poison.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                header(record, "ce_id", poison.ceId());
                header(record, "ce_source", Topics.producerOf(poison.topic()).orElseThrow());
                header(record, "ce_type", poison.type());
                header(record, "ce_specversion", "1.0");
                header(record, "ce_time", java.time.Instant.now().toString());
                header(record, "ce_subject", "poison-" + poison.ceId());
                producer.send(record).get();
            }
        }
        // a good record behind the poison on the registry's topic: the next registration reaches funding
        History history = new History();
        Map<String, String> creditCodes = new LinkedHashMap<>();
        Http.Answer registered = register(history, creditCodes, "毒消息后");
        String platformId = registered.json().orElseThrow().path("platformId").asText();

        long started = System.nanoTime();
        String operator = Callers.role("OPERATOR");
        Map<String, Object> details = new LinkedHashMap<>();
        long deadLettered = 0;
        for (Poison poison : poisons) {
            for (StackService consumer : poison.consumers()) {
                String base = stack.baseUrl(consumer);
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> Http.send("GET", base
                        + "/ops/dead-letters?status=PENDING", operator, (byte[]) null).body().contains(poison.ceId()));
                deadLettered++;
                String dlt = poison.topic() + "." + consumer.serviceName() + ".dlt";
                String reason = awaitDeadLetterTopic(dlt, poison.ceId());
                details.put(poison.topic() + " → " + consumer.serviceName(), dlt + ", reason: "
                        + abbreviate(reason));
            }
        }
        long deadLetterMillis = (System.nanoTime() - started) / 1_000_000;
        details.put("dead letters (record × consumer)", deadLettered);
        await().atMost(PATIENCE).until(() -> StoreState.eventsOfType(stack, StackService.FUNDING,
                "PlatformStandingRecorded", platformId) == 1);
        for (StackService service : StackService.values()) {
            Http.Answer health = Http.send("GET", stack.baseUrl(service) + "/actuator/health", operator,
                    (byte[]) null);
            details.put(service.serviceName() + " health", health.json().orElseThrow().path("status").asText());
        }
        details.put("the registration behind the poison reached funding", "once");
        report.add(new Report.Scenario("poison record per consumed topic", "A record with valid CloudEvents headers "
                + "and a payload that cannot be applied, on each topic a service consumes: after its retries it is a "
                + "dead letter with its reason (in /ops/dead-letters and on <topic>.<service>.dlt), health says "
                + "DEGRADED, and the records behind it are consumed. Sent: the poison records and the command "
                + "behind them; a record counts as answered once every consumer of its topic dead-lettered it.",
                poisons.size() + history.sent(), poisons.size() + history.answered(), history.refused(), 0, 0,
                history.longestAnswerMillis(), deadLetterMillis, details));

        assertThat(deadLettered).isEqualTo(4);
        for (StackService service : StackService.values()) {
            assertThat(details.get(service.serviceName() + " health")).isEqualTo("DEGRADED");
        }
    }

    @Test
    @Order(9)
    void aProjectionThatKeepsFailingOnOneEventIsVisibleTheOthersGoOnAndARebuildAfterTheFixCatchesUp()
            throws Exception {
        String projection = "platform-summary";
        String operator = Callers.role("OPERATOR");
        awaitQuiet();
        // the fault: the registry's list view refuses one platform's row (a constraint its projection cannot meet),
        // as a view whose schema lags behind its events would, on every attempt
        org.springframework.jdbc.core.JdbcTemplate registryDb = new org.springframework.jdbc.core.JdbcTemplate(
                stack.dataSource(StackService.PLATFORM_REGISTRY));
        registryDb.execute("alter table platform_summary add constraint fault_suite_refuses_a_name"
                + " check (name not like '%拒收%')");
        History history = new History();
        Map<String, String> creditCodes = new LinkedHashMap<>();
        Http.Answer poisoned = register(history, creditCodes, "拒收");
        Http.Answer healthy = register(history, creditCodes, "其后");
        List<String> codes = List.copyOf(creditCodes.keySet());
        String poisonedCode = codes.get(0);
        String healthyCode = codes.get(1);

        // visible: /ops/projections, health and the metric; the projection and the others go on
        JsonNode status = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> Http.send("GET",
                registry + "/ops/projections/" + projection, operator, (byte[]) null).json().orElseThrow(),
                node -> node.path("parked").asLong() >= 1 && node.path("lag").asLong() == 0);
        await().atMost(PATIENCE).until(() -> registered(healthyCode) == 1);
        long listedWhileFailing = registered(poisonedCode);
        JsonNode projections = Http.send("GET", registry + "/ops/projections", operator, (byte[]) null).json()
                .orElseThrow();
        List<String> othersBehindOrParked = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            othersBehindOrParked.clear();
            for (JsonNode other : Http.send("GET", registry + "/ops/projections", operator, (byte[]) null).json()
                    .orElseThrow()) {
                if (!projection.equals(other.path("name").asText()) && (other.path("lag").asLong() != 0
                        || other.path("parked").asLong() != 0 || !"RUNNING".equals(other.path("state").asText()))) {
                    othersBehindOrParked.add(other.path("name").asText());
                }
            }
            return othersBehindOrParked.isEmpty();
        });
        JsonNode health = Http.send("GET", registry + "/actuator/health", operator, (byte[]) null).json()
                .orElseThrow();
        JsonNode healthDetail = health.path("components").path("projections").path("details").path(projection);
        Http.Answer scrape = Http.getText(registry + "/actuator/prometheus", operator);
        String metrics = scrape.body();
        java.util.regex.Pattern parkedGauge = java.util.regex.Pattern.compile(
                "stb_projection_parked_events\\{[^}]*projection=\"" + projection + "\"[^}]*} ([0-9.]+)");
        java.util.regex.Matcher gauge = parkedGauge.matcher(metrics);
        double parkedMetric = gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
        List<String> otherProjections = new ArrayList<>();
        projections.forEach(node -> otherProjections.add(node.path("name").asText()));
        otherProjections.remove(projection);

        // the fix, then a rebuild: it catches up and the refused row is there
        registryDb.execute("alter table platform_summary drop constraint fault_suite_refuses_a_name");
        long fixed = System.nanoTime();
        Http.Answer rebuild = Http.send("POST", registry + "/ops/projections/" + projection + "/rebuild", operator,
                (byte[]) null);
        JsonNode rebuilt = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> Http.send("GET",
                registry + "/ops/projections/" + projection, operator, (byte[]) null).json().orElseThrow(),
                node -> "FINISHED".equals(node.path("rebuild").path("outcome").asText()));
        await().atMost(PATIENCE).until(() -> registered(poisonedCode) == 1);
        long recoveryMillis = (System.nanoTime() - fixed) / 1_000_000;
        JsonNode healthAfter = Http.send("GET", registry + "/actuator/health", operator, (byte[]) null).json()
                .orElseThrow().path("components").path("projections").path("details").path(projection);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fault", "a check constraint on platform_summary that one registration's row breaks");
        details.put("/ops/projections while failing", "state " + status.path("state").asText() + ", lag "
                + status.path("lag").asLong() + ", parked " + status.path("parked").asLong());
        details.put("health while failing", health.path("status").asText() + ", projections." + projection
                + " parked " + healthDetail.path("parked").asLong());
        details.put("stb_projection_parked_events while failing", parkedMetric);
        details.put("the platform registered behind it listed", registered(healthyCode));
        details.put("the refused platform listed while failing", listedWhileFailing);
        details.put("other projections (lag 0, nothing parked, running)", otherProjections);
        details.put("after the fix and a rebuild", "outcome " + rebuilt.path("rebuild").path("outcome").asText()
                + ", parked " + rebuilt.path("parked").asLong() + ", the refused platform listed "
                + registered(poisonedCode) + ", health parked " + healthAfter.path("parked").asLong());
        details.put("recovery", "from the fix until the rebuilt view lists the refused platform");
        report.add(new Report.Scenario("projection failing on one event", "A projection that cannot apply one "
                + "event parks it and goes on: it is visible in /ops/projections, in health (DEGRADED) and as the "
                + "stb_projection.parked.events metric, the projection goes on with the events behind it and the "
                + "other projections go on; after the fix a rebuild catches up and the row is there.",
                history.sent(), history.answered(), history.refused(), 0, 0, history.longestAnswerMillis(),
                recoveryMillis, details));

        assertThat(poisoned.status()).as(poisoned.body()).isEqualTo(201);
        assertThat(healthy.status()).as(healthy.body()).isEqualTo(201);
        assertThat(status.path("state").asText()).isEqualTo("RUNNING");
        assertThat(listedWhileFailing).isZero();
        assertThat(registered(healthyCode)).isEqualTo(1);
        assertThat(othersBehindOrParked).isEmpty();
        assertThat(otherProjections).isNotEmpty();
        assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(healthDetail.path("parked").asLong()).isPositive();
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        assertThat(parkedMetric).as("stb_projection_parked_events of " + projection).isPositive();
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        assertThat(rebuilt.path("parked").asLong()).isZero();
        assertThat(registered(poisonedCode)).isEqualTo(1);
        assertThat(healthAfter.path("parked").asLong()).isZero();
    }

    /**
     * Issue 20, lever 1: the projections' and the publisher's commits do not wait for the disk, so a crash of
     * PostgreSQL may lose their last ones. The registry (publisher of the stream) is SIGKILLed and PostgreSQL ended by
     * its immediate shutdown (what {@code pg_ctl stop -m immediate} does) while registrations stream in; after both restart, what the crash took is
     * done again from the durable event store: every projection of every service holds exactly the rows a full
     * rebuild makes, every registration stored is on both registry topics (by {@code ce_id}), and every answered one
     * is in the registry's view and in funding-service once.
     */
    @Test
    @Order(10)
    void aServiceKilledAndPostgresCrashedMidStreamLeaveEveryProjectionAsARebuildAndEveryEventOnKafka()
            throws Exception {
        int commands = OUTAGE_COMMANDS;
        History history = new History();
        Map<String, String> creditCodes = new java.util.concurrent.ConcurrentHashMap<>();
        org.springframework.jdbc.core.JdbcTemplate registryDb = new org.springframework.jdbc.core.JdbcTemplate(
                stack.dataSource(StackService.PLATFORM_REGISTRY));
        for (int i = 0; i < commands / 4; i++) {
            register(history, creditCodes, "崩溃前");
        }
        // the WAL writer writes asynchronous commits out every 200 ms: every 10 s, the crash finds more of them to lose
        registryDb.execute("alter system set wal_writer_delay = '10s'");
        registryDb.queryForObject("select pg_reload_conf()", Boolean.class);
        java.util.concurrent.atomic.AtomicBoolean streaming = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService streamer = Executors.newSingleThreadExecutor();
        Future<?> stream = streamer.submit(() -> {
            while (streaming.get()) {
                if (!register(history, creditCodes, "崩溃中").answered()) {
                    // the registry is dead: knock again in a second
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                }
            }
        });
        long answeredBefore = history.answered();
        await().atMost(PATIENCE).until(() -> history.answered() >= answeredBefore + Math.max(5, commands / 10));
        Map<String, Long> tokensBefore = tokenPositions();
        // what the immediate shutdown loses: the log inserted into PostgreSQL's buffers but not yet written out
        long unwrittenLog = registryDb.queryForObject(
                "select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), pg_current_wal_lsn())::bigint", Long.class);
        stack.crashPostgres();
        stack.kill(StackService.PLATFORM_REGISTRY);
        long crashed = System.nanoTime();
        stack.startPostgres();
        registryDb.execute("alter system reset wal_writer_delay");
        registryDb.queryForObject("select pg_reload_conf()", Boolean.class);
        // the registry is dead, so its tokens show what the crash took; the others may have moved on already
        Map<String, Long> tokensAfter = tokenPositions();
        List<String> tokensBehind = tokensBefore.keySet().stream()
                .filter(token -> tokensAfter.getOrDefault(token, -1L) < tokensBefore.get(token))
                .map(token -> token + " " + tokensBefore.get(token) + " -> " + tokensAfter.get(token)).toList();
        relaunch(StackService.PLATFORM_REGISTRY);
        long recoveryMillis = (System.nanoTime() - crashed) / 1_000_000;
        stopThenRegister(streaming, stream, streamer, commands / 4, history, creditCodes);

        // answered 201: in the registry's view and in funding once; refused (503): in neither; unanswered: both or none
        Registrations registrations = awaitConsumedByFunding(history, creditCodes.keySet());
        Map<String, Long> inRegistry = registrations.inRegistry();
        long lost = registrations.lost();
        long doubled = registrations.doubled();
        long halfDone = history.entries().stream().filter(e -> e.answer().answered() && e.answer().status() != 201)
                .filter(e -> inRegistry.get(e.key()) > 0).count();
        // every registration in the store is on both topics, by its ce_id (the stored event's identifier)
        List<String> stored = registryDb.queryForList("select event_identifier from domain_event_entry "
                + "where payload_type like '%PlatformRegistered'", String.class);
        java.util.Set<String> onV1 = ceIdsOnTopic(Topics.REGISTRY_PLATFORM_V1);
        java.util.Set<String> onV2 = ceIdsOnTopic(Topics.REGISTRY_PLATFORM_V2);
        List<String> missingOnKafka = stored.stream().filter(id -> !onV1.contains(id) || !onV2.contains(id))
                .toList();
        // every projection of every service as a full rebuild makes it
        StoreState recovered = awaitSettled();
        List<String> rebuilt = rebuildEveryProjection();
        StoreState asRebuilt = awaitSettled();
        List<String> differing = asRebuilt.changedSince(recovered);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statuses (0 = no answer: the registry was dead)", statusCounts(history));
        details.put("fault", "PostgreSQL's immediate shutdown (SIGQUIT, as pg_ctl stop -m immediate) and "
                + "platform-registry SIGKILLed while registrations streamed in (wal_writer_delay 10 s meanwhile), both "
                + "restarted");
        details.put("log not yet written out at the crash (bytes, lost with it)", unwrittenLog);
        details.put("processor tokens behind where they were read just before the crash (commits it lost)",
                tokensBehind);
        details.put("registrations stored / missing on registry.platform.v1 or v2 (by ce_id)", stored.size() + " / "
                + missingOnKafka.size());
        details.put("projections rebuilt and compared (every table but the tokens)", rebuilt);
        details.put("tables differing from the rebuild", differing);
        details.put("refused commands that were stored anyway (half done)", halfDone);
        details.put("recovery", "from the crash until the registry was ready again");
        report.add(new Report.Scenario("SIGKILL and PostgreSQL crash mid-stream", "The publisher commits without "
                + "waiting for the disk, so a crash may lose its last commits (projections wait for it): after a service's "
                + "SIGKILL and PostgreSQL's immediate shutdown mid-stream, every projection of every service holds "
                + "exactly the rows a full rebuild makes, every stored registration is on its topics (by ce_id), "
                + "every answered one is in the registry's view and in funding once, a refused one in neither.",
                history.sent(), history.answered(), history.refused(), lost + missingOnKafka.size(), doubled,
                history.longestAnswerMillis(), recoveryMillis, details));

        assertThat(history.count(e -> e.answer().answered() && e.answer().status() != 201
                && e.answer().status() != 503)).as("answers other than 201 and 503").isZero();
        assertThat(lost).isZero();
        assertThat(doubled).isZero();
        assertThat(halfDone).isZero();
        assertThat(missingOnKafka).as("stored registrations missing on the registry's topics").isEmpty();
        assertThat(rebuilt).isNotEmpty();
        assertThat(asRebuilt.events()).isEqualTo(recovered.events());
        assertThat(differing).as("tables whose rows differ from a full rebuild's").isEmpty();
    }

    /** Each processor's token position (its global index), per service, processor and segment. */
    private Map<String, Long> tokenPositions() {
        Map<String, Long> positions = new java.util.TreeMap<>();
        for (StackService service : StackService.values()) {
            new org.springframework.jdbc.core.JdbcTemplate(stack.dataSource(service)).query("""
                    select processor_name, segment, (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint
                    from token_entry where token is not null""", row -> {
                long index = row.getLong(3);
                if (!row.wasNull()) {
                    positions.put(service.serviceName() + " " + row.getString(1) + "/" + row.getInt(2), index);
                }
            });
        }
        return positions;
    }

    /** Until nothing moves: two looks at every table, a second apart, see the same rows. */
    private StoreState awaitSettled() {
        awaitQuiet();
        StoreState[] last = {StoreState.of(stack)};
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            StoreState now = StoreState.of(stack);
            boolean settled = now.equals(last[0]);
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    /** Rebuilds every projection of every service that can be (/ops/projections), all at once; their names. */
    private List<String> rebuildEveryProjection() {
        String operator = Callers.role("OPERATOR");
        Map<String, String> started = new LinkedHashMap<>();
        for (StackService service : StackService.values()) {
            String base = stack.baseUrl(service);
            for (JsonNode projection : expect(200, Http.send("GET", base + "/ops/projections", operator,
                    (byte[]) null)).json().orElseThrow()) {
                if (projection.path("rebuildable").asBoolean()) {
                    String name = projection.path("name").asText();
                    expect(202, Http.send("POST", base + "/ops/projections/" + name + "/rebuild", operator,
                            (byte[]) null));
                    started.put(service.serviceName() + "/" + name, base + "/ops/projections/" + name);
                }
            }
        }
        started.values().forEach(status -> await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> "FINISHED".equals(Http.send("GET", status, operator, (byte[]) null).json()
                        .orElseThrow().path("rebuild").path("outcome").asText())));
        return List.copyOf(started.keySet());
    }

    private static void header(org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record, String name,
                               String value) {
        record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The dead-letter topic's copy of the record with this ce_id, and the reason it carries. */
    private String awaitDeadLetterTopic(String topic, String ceId) {
        try (var reader = stack.kafkaReader()) {
            var partitions = await().atMost(PATIENCE).until(() -> reader.partitionsFor(topic, Duration.ofSeconds(5)),
                    found -> found != null && !found.isEmpty()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            return await().atMost(PATIENCE).until(() -> {
                for (var record : reader.poll(Duration.ofMillis(500))) {
                    var id = record.headers().lastHeader("ce_id");
                    if (id != null && ceId.equals(new String(id.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        var reason = record.headers().lastHeader("stb_dlt_reason");
                        return reason == null ? "(no reason header)"
                                : new String(reason.value(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
                return null;
            }, java.util.Objects::nonNull);
        }
    }

    // helpers

    private Http.Answer register(History history, Map<String, String> creditCodes, String phase) {
        String code = creditCode();
        creditCodes.put(code, phase);
        return history.record("register", code, () -> Requests.register(registry, code, phase));
    }

    /**
     * A stream of registrations against its history: how often the registry's view lists each credit code and
     * funding-service recorded its standing (consumed from the registry's topic); lost, an answered 201 not once in
     * each; doubled, a code more than once in either.
     */
    private record Registrations(Map<String, Long> inRegistry, Map<String, Long> inFunding, List<String> answeredDone,
                                 long lost, long doubled) {
    }

    /** Until each credit code is in funding-service as often as in the registry's view. */
    private Registrations awaitConsumedByFunding(History history, java.util.Set<String> codes) {
        Map<String, Long> inRegistry = new HashMap<>();
        Map<String, Long> inFunding = new HashMap<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String code : codes) {
                inRegistry.put(code, registered(code));
                inFunding.put(code, new org.springframework.jdbc.core.JdbcTemplate(stack.dataSource(
                        StackService.FUNDING)).queryForObject("select count(*) from domain_event_entry where "
                        + "payload_type like '%PlatformStandingRecorded' and convert_from(payload, 'UTF8') like ?",
                        Long.class, "%" + code + "%"));
            }
            assertThat(codes).allSatisfy(code ->
                    assertThat(inFunding.get(code)).as(code).isEqualTo(inRegistry.get(code)));
        });
        List<String> answeredDone = history.entries().stream().filter(e -> e.answer().status() == 201)
                .map(History.Entry::key).toList();
        long lost = answeredDone.stream().filter(code -> inRegistry.get(code) != 1 || inFunding.get(code) != 1)
                .count();
        long doubled = codes.stream().filter(code -> inRegistry.get(code) > 1 || inFunding.get(code) > 1).count();
        return new Registrations(inRegistry, inFunding, answeredDone, lost, doubled);
    }

    /** Starts {@code service} again (SIGKILLed before) and waits until it is ready; how long that took, in ms. */
    private long relaunch(StackService service) throws Exception {
        long started = System.nanoTime();
        stack.launch(service);
        stack.awaitReady(service);
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Stops a scenario's stream of registrations, then sends {@code after} more, after the recovery. */
    private void stopThenRegister(java.util.concurrent.atomic.AtomicBoolean streaming, Future<?> stream,
                                  ExecutorService streamer, int after, History history,
                                  Map<String, String> creditCodes) throws Exception {
        streaming.set(false);
        stream.get();
        streamer.shutdown();
        for (int i = 0; i < after; i++) {
            register(history, creditCodes, "恢复后");
        }
    }

    /** How many platforms the registry's list shows with this credit code. */
    private long registered(String creditCode) {
        return Requests.registered(registry, creditCode);
    }

    private String recognizedPlatform(String name) {
        return recognizedPlatform(name, creditCode());
    }

    private String recognizedPlatform(String name, String code) {
        return Requests.recognizedPlatform(registry, name, code);
    }

    /** The port the suite placed {@code service} on (for clients that take a port). */
    private int port(StackService service) {
        return java.net.URI.create(stack.baseUrl(service)).getPort();
    }

    private static String reportBody(int year) {
        return """
                {"year": %d, "indicators": {"jointRdCentres": 2, "cooperationAgreements": 3, "provincialProjects": 4,
                 "researchFundingFen": 123456789, "inventionPatents": 5, "fourTechIncomeFen": 50000000,
                 "researchers": 9, "incubatedEnterprises": 1, "resultsTransferred": 6, "localEnterprisesServed": 20}}"""
                .formatted(year);
    }

    /** An enterprise's application for a new hire, a person no other application names; returns its id. */
    private String apply(String employer, int n) {
        return Requests.apply(talent, employer);
    }

    /** Until every projection of every service has caught up with its event store (lag 0 in /ops/projections). */
    private void awaitQuiet() {
        String operator = Callers.role("OPERATOR");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (String base : List.of(registry, funding, talent)) {
                Http.Answer projections = Http.send("GET", base + "/ops/projections", operator, (byte[]) null);
                if (projections.status() != 200 || projections.json().orElseThrow().findValues("lag").stream()
                        .anyMatch(lag -> lag.asLong() != 0)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** {@code total} requests taken evenly from every operation's list, in a fixed order (a seeded shuffle). */
    private static List<HostileRequests.Request> spread(List<HostileRequests.Request> all, int total) {
        Map<String, List<HostileRequests.Request>> byOperation = new LinkedHashMap<>();
        all.forEach(r -> byOperation.computeIfAbsent(r.service() + r.method() + r.path(), k -> new ArrayList<>())
                .add(r));
        byOperation.values().forEach(list -> java.util.Collections.shuffle(list, new Random(18)));
        List<HostileRequests.Request> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < Math.min(total, all.size()); round++) {
            for (List<HostileRequests.Request> list : byOperation.values()) {
                if (round < list.size() && chosen.size() < total) {
                    chosen.add(list.get(round));
                }
            }
        }
        return chosen;
    }

    private static void examples(Map<String, Object> details, String name, List<History.Entry> entries) {
        if (!entries.isEmpty()) {
            details.put(name, entries.stream().limit(5).map(e -> e.operation() + " [" + e.key() + "] → "
                    + e.answer().status() + " " + abbreviate(e.answer().body())).toList());
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
