package cn.gov.wenzhou.kjj.faults;

import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged;
import cn.gov.wenzhou.kjj.devstack.StackService;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static cn.gov.wenzhou.kjj.faults.Requests.concurrently;
import static cn.gov.wenzhou.kjj.faults.Requests.creditCode;
import static cn.gov.wenzhou.kjj.faults.Requests.expect;
import static cn.gov.wenzhou.kjj.faults.Requests.ruleCounts;
import static cn.gov.wenzhou.kjj.faults.Requests.statusCounts;
import static cn.gov.wenzhou.kjj.faults.Requests.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of each service (separate JVMs and HTTP ports, one database per service, one broker, one consumer
 * group per service), commands sent alternately to both, then one instance of each killed mid-stream. What is
 * asserted is what must hold however the work is split between the instances (one tracking processor's single
 * segment, or a pooled processor's segments spread over both): every command applied once, every projection row once
 * (the tables equal a single-instance rebuild from the event store, by checksum), every integration event published
 * once per {@code ce_id} (after the kill, at most re-published unchanged: the publisher sends before it stores its
 * token), every consumed event applied once (the consumers' {@code processed_message} rows and their effects), the
 * quota, the idempotency keys and the credit codes' uniqueness under concurrent requests to both instances; and how
 * long the survivors took to take over the killed instances' event processors and Kafka partitions: measured,
 * reported, and held to the stated bounds (45 s and 60 s, three times what a loaded 2-core build measures). The
 * figures go to {@code multi-instance-report.md} beside the fault report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {

    private static final int INSTANCES = 2;
    /** Commands of the stream before the kill, and again around it (the pom's bounded form). */
    private static final int COMMANDS = Integer.getInteger("fault.instances.commands", 30);
    /** Requests released at once against one rule, split over both instances. */
    private static final int CONCURRENT = Integer.getInteger("fault.instances.concurrent", 12);
    private static final int QUOTA = 4;
    /**
     * What a killed instance's event processors should take to be the survivor's: its claims on the token store
     * expire after the claim timeout (10 s), the survivor tries to claim every
     * {@code stb.event-processing.token-claim-interval} (2 s), then catches up with what was stored meanwhile; the rest
     * is slack for a loaded 2-core machine (measured 12-31 s at a load of 6-24). The stated bound, asserted: the in-JVM
     * mechanism's own is {@code SegmentedProcessingTest}'s, but only the whole system under a steady stream showed the
     * 82-86 s takeovers of 3 December (the processors' event source kept Axon's coordinator reading for 1,024 events
     * before it looked for free segments: {@code WakingEventSource}, since fixed). Past it the report and the failure
     * name what was still waiting.
     */
    private static final Duration PROCESSOR_TAKEOVER_EXPECTED = Duration.ofSeconds(
            Integer.getInteger("fault.instances.processor-takeover-expected-seconds", 45));
    /**
     * What a killed instance's Kafka partitions should take to be the survivor's: the broker gives a static member's
     * partitions to the others once its session times out ({@code session.timeout.ms} 15 s), then the group
     * rebalances (every listener's consumer rejoins) and the survivor consumes what waited. Measured from the kill
     * until a record published after it is consumed on every partition, so the registry's own publisher, killed at
     * the same moment, is taken over within it too (measured 16-38 s on 2 loaded cores). The stated bound, asserted.
     */
    private static final Duration CONSUMER_TAKEOVER_EXPECTED = Duration.ofSeconds(60);
    /**
     * How long the test waits for a late takeover before it fails, so that the report says how late, not only that it
     * was (Axon backs a failing segment off for up to 60 s at a time).
     */
    private static final Duration TAKEOVER_PATIENCE = Duration.ofMinutes(3);
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration STREAM_PAUSE = Duration.ofMillis(50);
    private static final String REGISTRY_CONSUMER = "registry.platform-indicators";
    private static final Map<StackService, String> STANDING_CONSUMERS = Map.of(
            StackService.FUNDING, "funding.platform-standing",
            StackService.TALENT_POOL, "talent.employer-platforms");
    /** The record of registry.platform.v2 that funding and talent apply (its other records they only mark read). */
    private static final String STANDING_CHANGED = IntegrationEventCatalog.typeOf(PlatformStandingChanged.class);
    /** The event each service's consumer of registry.platform.v2 stores for a platform's standing. */
    private static final Map<StackService, String> STANDING_EFFECTS = Map.of(
            StackService.FUNDING, "PlatformStandingRecorded",
            StackService.TALENT_POOL, "PlatformStatusNoted");

    private final Report report = new Report();
    private final long classStarted = System.nanoTime();
    private FaultStack stack;
    /** The instances that serve requests: both, until one is killed. */
    private final Map<StackService, List<Integer>> serving = new EnumMap<>(StackService.class);
    /** Registrations answered 201: credit code → platform id. */
    private final Map<String, String> registered = new ConcurrentHashMap<>();
    /** Registrations that got no answer (sent to an instance as it was killed): stored once or not at all. */
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turn = new AtomicInteger();

    @BeforeAll
    void startTwoInstancesOfEachService() throws Exception {
        stack = FaultStack.start(INSTANCES, System.getProperty("stb.fault.work", "target/fault-stack") + "-instances");
        for (StackService service : StackService.values()) {
            List<Integer> all = new CopyOnWriteArrayList<>();
            for (int number = 1; number <= INSTANCES; number++) {
                all.add(number);
            }
            serving.put(service, all);
        }
        System.out.printf("multi-instance: %d instances of each service ready after %d s%n", INSTANCES,
                (System.nanoTime() - classStarted) / 1_000_000_000);
    }

    @AfterAll
    void writeTheReportAndStop() throws Exception {
        try {
            report.write(Path.of(System.getProperty("fault.report.directory", "target/fault-report")),
                    System.getProperty("fault.form", "bounded"), "multi-instance-report", "MultiInstanceTest");
        } finally {
            if (stack != null) {
                stack.close();
            }
            System.out.printf("multi-instance: the class took %d s%n",
                    (System.nanoTime() - classStarted) / 1_000_000_000);
        }
    }

    @Test
    @Order(1)
    void commandsSentAlternatelyToBothInstancesAreAppliedPublishedAndConsumedExactlyOnce() throws Exception {
        History history = new History();
        for (int i = 0; i < COMMANDS; i++) {
            streamStep(history, "双实例", i);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statuses", statusCounts(history));
        Checks checks = checkExactlyOnce(details);
        report.add(new Report.Scenario("two instances, commands alternately", COMMANDS + " registrations to the "
                + "registry's two instances in turn, a call to funding's and an application to talent's every third "
                + "one: each is stored once, listed once, published once per ce_id and applied once by funding and "
                + "talent, whichever instance's processors and consumers handled it.", history.sent(),
                history.answered(), history.refused(), checks.lost(), checks.doubled(), history.longestAnswerMillis(),
                -1, details));

        assertThat(history.count(e -> e.answer().status() >= 400 || !e.answer().answered())).as("refused")
                .isZero();
        assertThat(checks.republished()).as("ce_ids published more than once").isEmpty();
        checks.assertNoneLostOrDoubled();
    }

    @Test
    @Order(2)
    void theQuotaTheIdempotencyKeyAndTheCreditCodeHoldUnderConcurrentRequestsToBothInstances() throws Exception {
        String officer = Callers.role("FUNDING_OFFICER");
        String institute = Callers.role("TALENT_INSTITUTE");
        // the credit code: one registration of the same code to both instances at once
        String code = creditCode();
        History sameCode = concurrently(keys(CONCURRENT), i -> Requests.register(url(StackService.PLATFORM_REGISTRY,
                Integer.parseInt(i)), code, "同码并发"), "register the same credit code");
        long platformsOfCode = await().atMost(PATIENCE).until(() -> Requests.registered(
                url(StackService.PLATFORM_REGISTRY, 0), code), count -> count >= 1);
        sameCode.entries().stream().filter(e -> e.answer().status() == 201).findFirst().ifPresent(e ->
                registered.put(code, e.answer().json().orElseThrow().path("platformId").asText()));

        // the quota: more approved hires of a recognized platform admitted at once than the year's posts
        String platformCode = creditCode();
        String platformId = Requests.recognizedPlatform(url(StackService.PLATFORM_REGISTRY, 0), "双实例指标平台",
                platformCode);
        registered.put(platformCode, platformId);
        String year = String.valueOf(today().getYear());
        expect(200, Http.send("PUT", url(StackService.TALENT_POOL, 0) + "/api/pool/quotas/" + year, institute,
                "{\"posts\": " + QUOTA + ", \"reason\": \"双实例\"}"));
        List<String> approved = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            String talent = url(StackService.TALENT_POOL, i);
            String id = Requests.apply(talent, platformCode);
            expect(200, Http.send("POST", talent + "/api/enrollments/" + id + "/review", institute,
                    "{\"decision\": \"FORWARD_TO_COUNCIL\", \"note\": \"齐全\"}"));
            expect(200, Http.send("POST", talent + "/api/enrollments/" + id + "/council-decision", institute,
                    "{\"decision\": \"APPROVE\", \"resolutionNumber\": \"温人才院理〔2026〕3号\"}"));
            approved.add(id);
        }
        Map<String, Integer> instanceOf = new HashMap<>();
        for (int i = 0; i < approved.size(); i++) {
            instanceOf.put(approved.get(i), i);
        }
        History admissions = concurrently(approved, id -> Http.send("POST", url(StackService.TALENT_POOL,
                instanceOf.get(id)) + "/api/enrollments/" + id + "/admission", institute, "{}"), "admit");
        List<String> admitted = admissions.entries().stream().filter(e -> e.answer().status() == 200)
                .map(History.Entry::key).toList();
        long admittedStored = StoreState.eventsOfType(stack, StackService.TALENT_POOL, "HireAdmitted", null);

        // the idempotency key: one payment request sent with the same key to both instances at once
        FundingScenario funding = new FundingScenario(port(StackService.FUNDING, 1));
        String projectId = funding.signedProject().projectId();
        String key = "multi-instance-" + java.util.UUID.randomUUID();
        History payments = concurrently(keys(CONCURRENT), i -> Http.send("POST", url(StackService.FUNDING,
                Integer.parseInt(i)) + "/api/projects/" + projectId + "/disbursements", officer, """
                {"trancheNumber": 1, "amountFen": 1000, "documentRef": "拨付单-双实例", "reason": "重复提交"}""",
                Map.of("Idempotency-Key", key)), "request payment");
        Set<String> requestIds = payments.entries().stream().filter(e -> e.answer().status() == 202)
                .map(e -> e.answer().json().orElseThrow().path("requestId").asText()).collect(Collectors.toSet());
        long requestsStored = StoreState.eventsWhere(stack, StackService.FUNDING, "DisbursementRequested",
                "projectId", projectId);

        // the registry's consumer (two instances, one group) applies each admission once
        Map<String, Long> joined = new TreeMap<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String id : admitted) {
                joined.put(id, StoreState.eventsWhere(stack, StackService.PLATFORM_REGISTRY, "PoolHireJoined",
                        "enrollmentId", id));
            }
            assertThat(joined.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
        });

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("same credit code registered " + CONCURRENT + " times at once", statusCounts(sameCode)
                + " " + ruleCounts(sameCode) + ", listed " + platformsOfCode);
        details.put(CONCURRENT + " admissions at once into " + QUOTA + " posts", statusCounts(admissions) + " "
                + ruleCounts(admissions) + ", HireAdmitted stored " + admittedStored
                + ", the registry's PoolHireJoined once each " + joined.values().stream().allMatch(c -> c == 1));
        details.put("one payment request with one Idempotency-Key " + CONCURRENT + " times at once",
                statusCounts(payments) + ", request ids answered " + requestIds.size()
                + ", DisbursementRequested stored " + requestsStored);
        long sent = sameCode.sent() + admissions.sent() + payments.sent();
        report.add(new Report.Scenario("rules across instances", "Concurrent requests against one rule, sent to "
                + "both instances: one registration of a credit code, " + QUOTA + " admissions into " + QUOTA
                + " posts, one payment request per Idempotency-Key (each repeat answered with the first answer); "
                + "PostgreSQL serialises them whichever instance they reach.", sent,
                sameCode.answered() + admissions.answered() + payments.answered(),
                sameCode.refused() + admissions.refused() + payments.refused(), 0,
                Math.max(0, platformsOfCode - 1) + Math.max(0, admittedStored - QUOTA)
                        + Math.max(0, requestsStored - 1),
                Math.max(sameCode.longestAnswerMillis(), Math.max(admissions.longestAnswerMillis(),
                        payments.longestAnswerMillis())), -1, details));

        assertShedOnly(sameCode);
        assertThat(sameCode.count(e -> e.answer().status() == 201)).isEqualTo(1);
        assertThat(sameCode.count(e -> e.answer().status() == 409
                && "platform.credit-code-unique".equals(e.answer().rule())))
                .isEqualTo(CONCURRENT - 1 - sameCode.count(e -> e.answer().status() == 503));
        assertThat(platformsOfCode).isEqualTo(1);
        assertShedOnly(admissions);
        assertThat(admitted).hasSize(QUOTA);
        assertThat(admittedStored).isEqualTo(QUOTA);
        assertThat(admissions.count(e -> e.answer().status() == 409
                && "pool.quota-exhausted".equals(e.answer().rule())))
                .isEqualTo(CONCURRENT - QUOTA - admissions.count(e -> e.answer().status() == 503));
        assertShedOnly(payments);
        assertThat(payments.count(e -> e.answer().status() == 202)).isPositive();
        assertThat(requestIds).as("request ids answered for one Idempotency-Key").hasSize(1);
        assertThat(requestsStored).isEqualTo(1);
    }

    @Test
    @Order(3)
    void oneInstanceOfEachKilledMidStreamIsTakenOverAndNothingIsLostOrDoubled() throws Exception {
        History history = new History();
        AtomicBoolean streaming = new AtomicBoolean(true);
        ExecutorService streamer = Executors.newSingleThreadExecutor();
        Future<?> stream = streamer.submit(() -> {
            for (int i = 0; streaming.get(); i++) {
                streamStep(history, "击杀", i);
                // a steady stream, not a flood: the takeover measured is the claims', not two cores' backlog
                Thread.sleep(STREAM_PAUSE.toMillis());
            }
            return null;
        });
        await().atMost(PATIENCE).until(() -> history.answered() >= COMMANDS / 2);

        // the victims: of each service, the instance that holds most of its processors' claims (ties: the second)
        Map<StackService, Integer> victims = new EnumMap<>(StackService.class);
        Map<StackService, Long> victimPids = new EnumMap<>(StackService.class);
        Map<StackService, Long> claimsOfVictim = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            List<Claim> claims = claims(service);
            int victim = 2;
            long most = claimsOf(claims, stack.pid(service, 2));
            if (claimsOf(claims, stack.pid(service, 1)) > most) {
                victim = 1;
                most = claimsOf(claims, stack.pid(service, 1));
            }
            victims.put(service, victim);
            victimPids.put(service, stack.pid(service, victim));
            claimsOfVictim.put(service, most);
        }
        Map<StackService, Long> headAtKill = new EnumMap<>(StackService.class);
        Map<TopicPartition, Long> standingEndsAtKill;
        try (var reader = stack.kafkaReader()) {
            standingEndsAtKill = reader.endOffsets(partitions(reader, Topics.REGISTRY_PLATFORM_V2));
        }
        double loadAtKill = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String killedAt = java.time.Instant.now().toString();
        long killed = System.nanoTime();
        for (StackService service : StackService.values()) {
            stack.kill(service, victims.get(service));
            // then a load balancer takes the dead instance out: a request in flight to it goes unanswered
            serving.get(service).remove(victims.get(service));
        }
        for (StackService service : StackService.values()) {
            headAtKill.put(service, head(service));
        }

        // takeover: the survivor holds every claim the victim held and has processed what was stored before the kill;
        // the survivor's consumers have consumed records published after the kill on every partition
        Map<String, Long> takeoverMillis = new ConcurrentHashMap<>();
        // what still waited for the survivor when a service's processors passed the expected figure: the report's evidence
        Map<String, Object> lateAtTheBound = new ConcurrentHashMap<>();
        int takeovers = StackService.values().length + STANDING_CONSUMERS.size();
        try {
            await().atMost(TAKEOVER_PATIENCE).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        for (StackService service : StackService.values()) {
                            String processors = service.serviceName() + " processors";
                            if (!takeoverMillis.containsKey(processors)
                                    && processorsTakenOver(service, victimPids.get(service), headAtKill.get(service))) {
                                takeoverMillis.put(processors, (System.nanoTime() - killed) / 1_000_000);
                            } else if (!takeoverMillis.containsKey(processors) && !lateAtTheBound.containsKey(processors)
                                    && System.nanoTime() - killed > PROCESSOR_TAKEOVER_EXPECTED.toNanos()) {
                                lateAtTheBound.put(processors, whatWaits(service, victims.get(service),
                                        victimPids.get(service), headAtKill.get(service), killedAt));
                            }
                        }
                        for (StackService consumer : STANDING_CONSUMERS.keySet()) {
                            if (!takeoverMillis.containsKey(consumer.serviceName() + " consumers")
                                    && partitionsTakenOver(consumer, standingEndsAtKill)) {
                                takeoverMillis.put(consumer.serviceName() + " consumers",
                                        (System.nanoTime() - killed) / 1_000_000);
                            }
                        }
                        return takeoverMillis.size() >= takeovers;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException notAll) {
            // the assertions below name what was not taken over in time
        }
        await().atMost(PATIENCE).until(() -> history.answered() >= COMMANDS + COMMANDS / 2);
        streaming.set(false);
        stream.get();
        streamer.shutdown();
        takeoverMillis.forEach((what, millis) -> System.out.printf("multi-instance: %s taken over %d ms after the "
                + "SIGKILL%n", what, millis));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("statuses (0 = no answer: sent to an instance as it was killed)", statusCounts(history));
        victims.forEach((service, victim) -> details.put(service.serviceName() + " killed", "instance " + victim
                + " (pid " + victimPids.get(service) + "), holding " + claimsOfVictim.get(service) + " claims"));
        details.put("takeover after the SIGKILL (ms)", new TreeMap<>(takeoverMillis));
        details.put("bound (asserted; waited for up to " + TAKEOVER_PATIENCE.toSeconds() + " s)",
                "processors " + PROCESSOR_TAKEOVER_EXPECTED.toSeconds() + " s (token claim timeout 10 s "
                + "+ claim interval 2 s + catching up), consumers " + CONSUMER_TAKEOVER_EXPECTED.toSeconds()
                + " s (session timeout 15 s + rebalance + the registry publisher's own takeover)");
        details.put("load average (1 min) at the kill", loadAtKill);
        details.put("still waiting when the processors passed the expected", new TreeMap<>(lateAtTheBound));
        details.put("how measured", "processors: from the SIGKILL until the survivor holds every segment of every "
                + "processor of the service (token_entry.owner) and each is past the store's head at the kill; "
                + "consumers: until the group's committed offsets on every partition of registry.platform.v2 are "
                + "past a record published after the kill");
        Checks checks = checkExactlyOnce(details);
        report.add(new Report.Scenario("one instance of each SIGKILLed mid-stream", "Commands stream to both "
                + "instances of each service; one of each is killed with SIGKILL (the one holding most claims); the "
                + "survivor takes over its processors and Kafka partitions within 45 s and 60 s, and "
                + "the end state is as with no kill: every answered command applied once, an unanswered one once or not at all, "
                + "everywhere; a ce_id on a topic twice only as an identical re-publish, applied once.",
                history.sent(), history.answered(), history.refused(), checks.lost(), checks.doubled(),
                history.longestAnswerMillis(), takeoverMillis.values().stream().mapToLong(Long::longValue).max()
                .orElse(-1), details));

        assertThat(history.count(e -> e.answer().status() >= 400)).as("refusals").isZero();
        for (StackService service : StackService.values()) {
            String processors = service.serviceName() + " processors";
            assertThat(takeoverMillis.get(processors))
                    .as(processors + " taken over within " + PROCESSOR_TAKEOVER_EXPECTED.toSeconds()
                            + " s (waited " + TAKEOVER_PATIENCE.toSeconds() + " s); still waiting at "
                            + PROCESSOR_TAKEOVER_EXPECTED.toSeconds() + " s: " + lateAtTheBound.get(processors))
                    .isNotNull().isLessThanOrEqualTo(PROCESSOR_TAKEOVER_EXPECTED.toMillis());
        }
        for (StackService consumer : STANDING_CONSUMERS.keySet()) {
            String consumers = consumer.serviceName() + " consumers";
            assertThat(takeoverMillis.get(consumers))
                    .as(consumer.serviceName() + " partitions taken over within "
                            + CONSUMER_TAKEOVER_EXPECTED.toSeconds() + " s (waited " + TAKEOVER_PATIENCE.toSeconds()
                            + " s)").isNotNull().isLessThanOrEqualTo(CONSUMER_TAKEOVER_EXPECTED.toMillis());
        }
        assertThat(checks.republished().values()).as("a ce_id published twice is the same record again")
                .allSatisfy(copies -> assertThat(copies).hasSize(1));
        checks.assertNoneLostOrDoubled();
    }

    @Test
    @Order(4)
    void everyProjectionTheInstancesBuiltEqualsARebuildFromTheEventStore() throws Exception {
        String operator = Callers.role("OPERATOR");
        long started = System.nanoTime();
        List<String> rebuilt = new ArrayList<>();
        StoreState built;
        StoreState fromTheStore;
        int attempts = 0;
        do {
            // funding's sweeps (the daily ledger checkpoint, deadlines) may store an event while the projections
            // rebuild: a rebuild is compared with what was built only when the event store stayed as it was
            attempts++;
            rebuilt.clear();
            awaitQuiet();
            built = StoreState.of(stack);
            for (StackService service : StackService.values()) {
                // one instance of each is left: the rebuild resets tokens no other instance claims
                String base = url(service, 0);
                for (JsonNode projection : expect(200, Http.send("GET", base + "/ops/projections", operator,
                        (byte[]) null)).json().orElseThrow()) {
                    if (!projection.path("rebuildable").asBoolean()) {
                        continue;
                    }
                    String name = projection.path("name").asText();
                    expect(202, Http.send("POST", base + "/ops/projections/" + name + "/rebuild", operator,
                            (byte[]) null));
                    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> Http.send("GET",
                            base + "/ops/projections/" + name, operator, (byte[]) null).json().orElseThrow(),
                            node -> "FINISHED".equals(node.path("rebuild").path("outcome").asText()));
                    rebuilt.add(service.serviceName() + "." + name);
                }
            }
            awaitQuiet();
            fromTheStore = StoreState.of(stack);
        } while (!fromTheStore.sameEventStoreAs(built) && attempts < 3);
        List<String> differing = fromTheStore.changedSince(built);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("projections rebuilt", rebuilt);
        details.put("tables compared (every table but the tokens)", built.tables().values().stream()
                .mapToInt(Map::size).sum());
        details.put("tables differing after the rebuild", differing);
        details.put("event store rows", built.events());
        details.put("rebuilds until the event store stayed unchanged during one", attempts);
        report.add(new Report.Scenario("projections against a rebuild", "Every table of every service after the "
                + "streams above (two instances, then one killed) equals, row for row by checksum, what a "
                + "single instance's rebuild of every projection from the event store makes: no event was "
                + "handled twice, none skipped.", rebuilt.size(), rebuilt.size(), 0, 0, differing.size(),
                0, (System.nanoTime() - started) / 1_000_000, details));

        assertThat(rebuilt).isNotEmpty();
        assertThat(differing).as("tables that differ from a rebuild").isEmpty();
    }

    // the stream

    /**
     * Step {@code i} of a stream: a registration at the next serving instance of the registry; every third step a
     * call at funding's and an application at talent's next instance too.
     */
    private void streamStep(History history, String phase, int i) {
        String code = creditCode();
        int registry = turn.getAndIncrement();
        Http.Answer answer = history.record("register", code, () -> Requests.register(
                url(StackService.PLATFORM_REGISTRY, registry), code, phase));
        if (answer.status() == 201) {
            registered.put(code, answer.json().orElseThrow().path("platformId").asText());
        } else if (!answer.answered()) {
            unanswered.add(code);
        }
        if (i % 3 == 0) {
            history.record("call", code, () -> Http.send("POST", url(StackService.FUNDING, registry) + "/api/calls",
                    Callers.role("FUNDING_OFFICER"), "{\"year\": " + today().getYear() + ", \"title\": \"" + phase
                            + "榜单-" + code.substring(10) + "\"}"));
            history.record("apply", code, () -> Requests.applyForHire(url(StackService.TALENT_POOL, registry),
                    code));
        }
    }

    // the checks

    /** What {@link #checkExactlyOnce} found: per effect, how often it was observed; ce_ids on a topic twice. */
    private record Checks(Map<String, Long> expectedOnce, Map<String, Long> unansweredEffects,
                          Map<String, List<String>> republished, List<String> notConsumed) {

        long lost() {
            return expectedOnce.values().stream().filter(count -> count == 0).count() + notConsumed.size();
        }

        long doubled() {
            return expectedOnce.values().stream().filter(count -> count > 1).count()
                    + unansweredEffects.values().stream().filter(count -> count > 1).count();
        }

        void assertNoneLostOrDoubled() {
            assertThat(expectedOnce.entrySet().stream().filter(e -> e.getValue() != 1)
                    .map(e -> e.getKey() + " x" + e.getValue()).toList()).as("effects not applied exactly once")
                    .isEmpty();
            assertThat(unansweredEffects.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(e -> e.getKey() + " x" + e.getValue()).toList()).as("unanswered commands applied twice")
                    .isEmpty();
            assertThat(notConsumed).as("ce_ids on a consumed topic without the consumer's record").isEmpty();
        }
    }

    /**
     * Once the stores are quiet: each answered registration listed once by the registry and its standing applied once
     * by funding and talent (per ce_id on registry.platform.v2), each unanswered one in all three once or in none;
     * every ce_id of every topic once (or re-published unchanged, listed), and in the consumers' records.
     */
    private Checks checkExactlyOnce(Map<String, Object> details) throws Exception {
        Map<String, Long> once = new TreeMap<>();
        Map<String, Long> ofUnanswered = new TreeMap<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, List<ConsumerRecord<String, byte[]>>> standings = recordsByKey(Topics.REGISTRY_PLATFORM_V2);
            int asked = 0;
            for (Map.Entry<String, String> platform : registered.entrySet()) {
                once.put("registry lists " + platform.getKey(), Requests.registered(url(StackService.PLATFORM_REGISTRY,
                        asked++), platform.getKey()));
                long standingRecords = standings.getOrDefault(platform.getValue(), List.of()).stream()
                        .filter(record -> STANDING_CHANGED.equals(header(record, "ce_type")))
                        .map(MultiInstanceTest::ceId).distinct().count();
                once.put("registry.platform.v2 carries the standing of " + platform.getValue(),
                        Math.min(1, standingRecords));
                for (StackService consumer : STANDING_EFFECTS.keySet()) {
                    long effects = StoreState.eventsOfType(stack, consumer, STANDING_EFFECTS.get(consumer),
                            platform.getValue());
                    // one effect per standing record: 1 when each was applied once, 0 while one is still missing
                    once.put(consumer.serviceName() + " applied the standing of " + platform.getValue(),
                            standingRecords == 0 || effects < standingRecords ? 0
                                    : effects == standingRecords ? 1 : effects);
                }
            }
            for (String code : unanswered) {
                long inRegistry = Requests.registered(url(StackService.PLATFORM_REGISTRY, 0), code);
                ofUnanswered.put("registry lists " + code, inRegistry);
                for (StackService consumer : STANDING_EFFECTS.keySet()) {
                    ofUnanswered.put(consumer.serviceName() + " noted " + code, inRegistry == 0
                            ? standingEffectsMentioning(consumer, code) : Math.min(1,
                            standingEffectsMentioning(consumer, code)));
                }
            }
            assertThat(once.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList())
                    .as("effects missing (observed 0 times) of %d", once.size()).isEmpty();
        });
        awaitQuiet();

        // every ce_id of every topic: once, or again as the very same record (a re-publish after a kill); one
        // domain event may be published on two topics (registry.platform.v1 and v2) with its one id
        Map<String, List<ConsumerRecord<String, byte[]>>> byCeId = new HashMap<>();
        for (String topic : Topics.ALL) {
            for (ConsumerRecord<String, byte[]> record : records(topic)) {
                byCeId.computeIfAbsent(topic + " " + ceId(record), id -> new ArrayList<>()).add(record);
            }
        }
        Map<String, List<String>> republished = new TreeMap<>();
        byCeId.forEach((id, copies) -> {
            if (copies.size() > 1) {
                republished.put(id, copies.stream().map(r -> r.topic() + "|" + r.key() + "|" + header(r, "ce_type")
                        + "|" + new String(r.value(), StandardCharsets.UTF_8)).distinct().toList());
            }
        });
        // every consumed ce_id in its consumer's records (written in the effect's transaction, one row per ce_id)
        List<String> notConsumed = new ArrayList<>();
        Set<String> standingIds = records(Topics.REGISTRY_PLATFORM_V2).stream().map(MultiInstanceTest::ceId)
                .collect(Collectors.toSet());
        STANDING_CONSUMERS.forEach((service, consumer) -> missingFrom(service, consumer, standingIds,
                notConsumed));
        Set<String> feedIds = new HashSet<>();
        for (String topic : List.of(Topics.FUNDING_PROJECT_V1, Topics.TALENT_ENROLLMENT_V1)) {
            records(topic).forEach(record -> feedIds.add(ceId(record)));
        }
        missingFrom(StackService.PLATFORM_REGISTRY, REGISTRY_CONSUMER, feedIds, notConsumed);

        details.put("effects checked (each exactly once)", once.size());
        details.put("unanswered registrations (each in the registry, funding and talent once or in none)",
                unanswered.size());
        details.put("ce_ids on the topics", byCeId.size());
        details.put("ce_ids published more than once (each time the same record)", republished.size());
        details.put("ce_ids consumed (processed_message rows checked)", standingIds.size() * 2 + feedIds.size());
        details.put("ce_ids without the consumer's record", notConsumed.size());
        return new Checks(once, ofUnanswered, republished, notConsumed);
    }

    private void missingFrom(StackService service, String consumer, Set<String> ids, List<String> missing) {
        Set<String> processed = new HashSet<>(new JdbcTemplate(stack.dataSource(service)).queryForList(
                "select message_id from processed_message where consumer = ?", String.class, consumer));
        ids.stream().filter(id -> !processed.contains(id)).map(id -> consumer + " " + id).forEach(missing::add);
    }

    private long standingEffectsMentioning(StackService consumer, String creditCode) {
        return new JdbcTemplate(stack.dataSource(consumer)).queryForObject("select count(*) from domain_event_entry "
                + "where payload_type like ? and convert_from(payload, 'UTF8') like ?", Long.class,
                "%" + STANDING_EFFECTS.get(consumer), "%" + creditCode + "%");
    }

    /** Until every segment of every processor of every service is past its store's head (read in the store). */
    private void awaitQuiet() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> Arrays.stream(
                StackService.values()).allMatch(service -> {
                    long head = head(service);
                    return claims(service).stream().allMatch(claim -> claim.position() >= head);
                }));
    }

    // the token store: who holds which segment, and how far it is

    /** One segment of one processor in {@code token_entry}: its owner ({@code pid@host}, Axon's node id). */
    private record Claim(String processor, int segment, String owner, long position) {
    }

    /**
     * The processors' segments; not the pseudo-processors' rows ({@code __config}: Axon's token store id,
     * {@code __instance}: where pooled processors' instances announce themselves), which are no processor's work.
     */
    private List<Claim> claims(StackService service) {
        return new JdbcTemplate(stack.dataSource(service)).query("select processor_name, segment, owner, "
                + "convert_from(token, 'UTF8') from token_entry where processor_name not like '\\_\\_%'",
                (rs, i) -> new Claim(rs.getString(1), rs.getInt(2), rs.getString(3), position(rs.getString(4))));
    }

    private static long claimsOf(List<Claim> claims, long pid) {
        return claims.stream().filter(claim -> claim.owner() != null && claim.owner().startsWith(pid + "@")).count();
    }

    private boolean processorsTakenOver(StackService service, long victimPid, long headAtKill) {
        List<Claim> claims = claims(service);
        return !claims.isEmpty() && claims.stream().noneMatch(claim -> waitsForTakeover(claim, victimPid, headAtKill));
    }

    /** A segment not yet the survivor's: unclaimed, still the victim's, or behind the store's head at the kill. */
    private static boolean waitsForTakeover(Claim claim, long victimPid, long headAtKill) {
        return claim.owner() == null || claim.owner().startsWith(victimPid + "@") || claim.position() < headAtKill;
    }

    /** The segments that keep {@link #processorsTakenOver} false, each with why: its owner, or its position. */
    private String lateSegments(StackService service, long victimPid, long headAtKill) {
        return claims(service).stream().filter(claim -> waitsForTakeover(claim, victimPid, headAtKill))
                .map(claim -> claim.processor() + "#" + claim.segment() + " " + (claim.owner() == null ? "unclaimed"
                        : claim.owner().startsWith(victimPid + "@") ? "still the victim's" : "at " + claim.position()
                        + " of " + headAtKill)).toList().toString();
    }

    /**
     * Everything that may say why {@code service}'s survivor has not yet taken over. Evidence only: a failure to
     * gather it is written down in its place and never fails the scenario, nor ends the wait for the takeover.
     */
    private String whatWaits(StackService service, int victim, long victimPid, long headAtKill, String killedAt) {
        int survivor = 3 - victim;
        StringBuilder evidence = new StringBuilder();
        for (var part : List.<java.util.concurrent.Callable<String>>of(
                () -> lateSegments(service, victimPid, headAtKill),
                () -> "the survivor's processors logged since the kill: " + processorTrouble(service, survivor,
                        killedAt),
                () -> databaseWaits(service),
                () -> "its threads: " + threadDump(service, survivor))) {
            try {
                evidence.append(evidence.isEmpty() ? "" : "; ").append(part.call());
            } catch (Exception unavailable) {
                evidence.append(evidence.isEmpty() ? "" : "; ").append("(not gathered: ").append(unavailable)
                        .append(")");
            }
        }
        return evidence.toString();
    }

    /** The instances' announcements and the sessions of the service's database that wait or hold a transaction. */
    private String databaseWaits(StackService service) {
        JdbcTemplate jdbc = new JdbcTemplate(stack.dataSource(service));
        return "instances announced " + jdbc.queryForList("select owner || ' at ' || timestamp from token_entry "
                + "where processor_name = '__instance'", String.class) + ", sessions waiting or in a transaction "
                + jdbc.queryForList("select pid || ' ' || state || ' ' || coalesce(wait_event_type || ':' || "
                + "wait_event, '-') || ' since ' || coalesce(xact_start::text, '-') || ' ' || left(query, 120) "
                + "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
                + "and (state <> 'idle' or wait_event_type = 'Lock')", String.class);
    }

    /**
     * The survivor's threads as {@code jcmd Thread.print} lists them, written beside the report (the file's name
     * is returned): what its processors' coordinators were doing while they did not take over.
     */
    private String threadDump(StackService service, int survivor) {
        Path dump = Path.of(System.getProperty("fault.report.directory", "target/fault-report"))
                .resolve("late-takeover-" + service.serviceName() + "-threads.txt").toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(dump.getParent());
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(stack.pid(service, survivor)),
                    "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            return process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) ? dump.toString()
                    : "(jcmd did not answer in 30 s)";
        } catch (IOException | InterruptedException failed) {
            return "(no thread dump: " + failed + ")";
        }
    }

    /**
     * What the survivor's processors logged at WARN or above since {@code since} (Axon's coordinator and work
     * packages, the projections): a failed batch, a released claim, a retry and its back-off. The last few, shortened.
     */
    private String processorTrouble(StackService service, int survivor, String since) {
        try (var lines = java.nio.file.Files.lines(stack.log(service, survivor), StandardCharsets.UTF_8)) {
            List<String> trouble = lines.filter(line -> line.length() > 24 && line.substring(0, 24).compareTo(since) >= 0)
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                            || line.contains("releasing claims") || line.contains("release deadline"))
                    .filter(line -> line.contains("o.a.e") || line.contains("Coordinator") || line.contains(".query.")
                            || line.contains("Projection") || line.contains("Exception"))
                    .map(line -> line.length() > 400 ? line.substring(0, 400) : line).toList();
            return trouble.isEmpty() ? "nothing" : trouble.subList(Math.max(0, trouble.size() - 8), trouble.size())
                    .toString();
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return "(its log unreadable: " + unreadable + ")";
        }
    }

    /**
     * The global index a token has reached, whatever kind it is (Jackson-serialized): gap-aware, a replay's current
     * token, a merge's lower of its two.
     */
    private static long position(String json) {
        if (json == null) {
            return -1;
        }
        try {
            return position(Http.JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable token " + json, e);
        }
    }

    private static long position(JsonNode token) {
        if (token == null || token.isNull() || token.isMissingNode()) {
            return -1;
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        if (token.has("globalIndex")) {
            return token.get("globalIndex").asLong();
        }
        if (token.has("currentToken")) {
            return position(token.get("currentToken"));
        }
        if (token.has("lowerSegmentToken")) {
            return Math.min(position(token.get("lowerSegmentToken")), position(token.get("upperSegmentToken")));
        }
        return -1;
    }

    private long head(StackService service) {
        return new JdbcTemplate(stack.dataSource(service)).queryForObject(
                "select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
    }

    // Kafka: the topics as the broker's administrator reads them, the groups' committed offsets

    /**
     * Whether {@code consumer}'s group has consumed, on every partition of registry.platform.v2, a record published
     * after the kill ({@code endsAtKill}: the offsets the next records got).
     */
    private boolean partitionsTakenOver(StackService consumer, Map<TopicPartition, Long> endsAtKill) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(stack.kafkaAdminProperties())) {
            List<String> groups = admin.listConsumerGroups().all().get().stream()
                    .map(org.apache.kafka.clients.admin.ConsumerGroupListing::groupId)
                    .filter(group -> group.startsWith(consumer.serviceName()) && !group.contains("dlt"))
                    .toList();
            if (groups.isEmpty()) {
                return false;
            }
            for (String group : groups) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                for (Map.Entry<TopicPartition, Long> partition : endsAtKill.entrySet()) {
                    var offset = committed.get(partition.getKey());
                    if (offset == null || offset.offset() <= partition.getValue()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (var reader = stack.kafkaReader()) {
            List<TopicPartition> partitions = partitions(reader, topic);
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                reader.poll(Duration.ofMillis(300)).forEach(records::add);
                return partitions.stream().allMatch(p -> reader.position(p) >= ends.get(p));
            });
            return records;
        }
    }

    private Map<String, List<ConsumerRecord<String, byte[]>>> recordsByKey(String topic) {
        return records(topic).stream().collect(Collectors.groupingBy(record -> String.valueOf(record.key())));
    }

    private static List<TopicPartition> partitions(
            org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> reader, String topic) {
        return reader.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static String ceId(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_id");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // helpers

    /** The base address of the {@code n}-th serving instance of {@code service}, in turn. */
    private String url(StackService service, int n) {
        List<Integer> instances = serving.get(service);
        return stack.baseUrl(service, instances.get(Math.floorMod(n, instances.size())));
    }

    private int port(StackService service, int number) {
        return java.net.URI.create(stack.baseUrl(service, number)).getPort();
    }

    /** "0", "1", ...: request {@code i} goes to instance {@code i} in turn. */
    private static List<String> keys(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(String.valueOf(i));
        }
        return keys;
    }

    /** Beyond the database's connections a command may be shed: 503, a problem detail, Retry-After; nothing else. */
    private static void assertShedOnly(History history) {
        assertThat(history.answered()).isEqualTo(history.sent());
        assertThat(history.entries().stream().filter(e -> e.answer().status() >= 500)).allSatisfy(e -> {
            assertThat(e.answer().status()).as(e.answer().body()).isEqualTo(503);
            assertThat(e.answer().isProblemDetail()).isTrue();
            assertThat(e.answer().retryAfter()).isNotBlank();
        });
    }
}
