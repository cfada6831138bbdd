package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Instant;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.clients.producer.ProducerRecord;
import cn.gov.wenzhou.kjj.testsupport.TopicProducers;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventRecords;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged;
import cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted;
import cn.gov.wenzhou.kjj.contracts.talent.HireExited;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample subscriber against a real broker: it replays the whole history, follows live, checks every record
 * against the contract and counts what it saw. The topics are shared by every test in this JVM, so each test counts
 * what it added: the difference between a run before and a run after, or a consumer group of its own.
 */
class SampleSubscriberTest {

    private static final String CREDIT_CODE = "91330300MA2H7K8L0G";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool();

    @AfterAll
    static void stopRunner() {
        RUNNER.shutdownNow();
    }

    @Test
    void replaysTheWholeHistoryThenFollowsLiveAndReportsEveryRecordThatBreaksTheContract() {
        Tally before = run("--max-idle", "2").tally();

        String platformA = uuid();
        String platformB = uuid();
        String callId = uuid();
        String projectId = uuid();
        String enrollmentId = uuid();
        String duplicatedId = uuid();
        PlatformRegistered registered = new PlatformRegistered(platformA, CREDIT_CODE, "温州智能装备研究院", "LUCHENG",
                "INTELLIGENT_EQUIPMENT", "PRIVATE_NON_ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2024, 3, 15));
        Broker.publish(registered, platformA, duplicatedId);
        Broker.publish(new PlatformRegistered(platformB, "91330302MA2AXXXX1T", "温州新材料研究院", "OUHAI",
                "NEW_MATERIALS", "ENTERPRISE", "UNIVERSITY_OR_INSTITUTE", LocalDate.of(2024, 4, 1)), platformB, uuid());
        Broker.publish(new PlatformRecognized(platformA, CREDIT_CODE, "MUNICIPAL", "温科发〔2024〕12号",
                LocalDate.of(2024, 6, 1)), platformA, uuid());
        // the registry's v2 standing after that recognition, and after a rectification notice
        Broker.publish(new PlatformStandingChanged(platformA, CREDIT_CODE, "温州智能装备研究院", "RECOGNIZED", "MUNICIPAL",
                List.of(), LocalDate.of(2024, 6, 1), "PlatformRecognized"), platformA, uuid());
        Broker.publish(new PlatformStandingChanged(platformA, CREDIT_CODE, "温州智能装备研究院", "UNDER_RECTIFICATION",
                "MUNICIPAL", List.of(2024), LocalDate.of(2025, 5, 20), "RectificationIssued"), platformA, uuid());
        Broker.publish(new ChallengeCallOpened(callId, 2025, "2025年度揭榜挂帅", LocalDate.of(2025, 2, 10)), callId, uuid());
        Broker.publish(new ProjectAwarded(projectId, callId, "电驱系统关键技术攻关", CREDIT_CODE, platformA,
                List.of(platformB), 150_000_000L, 150_000_000L, "2024.1", LocalDate.of(2025, 6, 30)), projectId, uuid());
        Broker.publish(new TrancheDisbursed(projectId, 1, 75_000_000L, CREDIT_CODE, platformA,
                LocalDate.of(2025, 7, 15)), projectId, uuid());
        Broker.publish(new HireAdmitted(enrollmentId, CREDIT_CODE, platformA, "INTELLIGENT_MANUFACTURING", "MID_LEVEL",
                LocalDate.of(2025, 3, 1)), enrollmentId, uuid());
        // a republication (a producer retry, a replay of the store): the same ce_id again
        Broker.publish(registered, platformA, duplicatedId);

        String brokenHeaderId = uuid();
        Map<String, String> brokenHeader = Broker.headersFor(PlatformRecognized.class, platformB, brokenHeaderId);
        brokenHeader.put(CloudEventHeaders.SPEC_VERSION, "0.3");
        Broker.sendRaw(Topics.REGISTRY_PLATFORM_V1, platformB, brokenHeader, """
                {"platformId":"%s","creditCode":"%s","level":"MUNICIPAL","documentNumber":"x","recognizedOn":"2024-06-01"}
                """.formatted(platformB, CREDIT_CODE));
        String badPlatform = uuid();
        Broker.sendRaw(Topics.REGISTRY_PLATFORM_V1, badPlatform,
                Broker.headersFor(PlatformRegistered.class, badPlatform, uuid()), """
                        {"platformId":"%s","creditCode":"not-a-credit-code","name":"某研究院","district":"LUCHENG",
                         "industry":"INTELLIGENT_EQUIPMENT","legalForm":"ENTERPRISE","leadModel":"GOVERNMENT",
                         "registeredOn":"2024-03-15"}""".formatted(badPlatform));
        Map<String, String> newerType = Broker.headersFor(PlatformRegistered.class, platformA, uuid());
        newerType.put(CloudEventHeaders.TYPE, IntegrationEventCatalog.TYPE_PREFIX + "registry.platform.v1.PlatformRenamed");
        newerType.remove(CloudEventHeaders.DATA_SCHEMA);
        Broker.sendRaw(Topics.REGISTRY_PLATFORM_V1, platformA, newerType, "{\"platformId\":\"" + platformA + "\"}");

        Running live = start("--bootstrap-servers", Broker.bootstrapServers(), "--max-idle", "4");
        await().atMost(RUN_TIMEOUT).until(() -> live.output().contains("admitted: MID_LEVEL in INTELLIGENT_MANUFACTURING"));
        Broker.publish(new HireExited(enrollmentId, CREDIT_CODE, platformA, "INTELLIGENT_MANUFACTURING", "MID_LEVEL",
                "LEFT_EMPLOYER", LocalDate.of(2025, 9, 1)), enrollmentId, uuid());
        Run after = live.awaitEnd();

        assertThat(difference(after.tally().perType(), before.perType())).isEqualTo(Map.of(
                "registry.platform.v1.PlatformRegistered", 2L,
                "registry.platform.v1.PlatformRecognized", 1L,
                "registry.platform.v2.PlatformStandingChanged", 2L,
                "funding.call.v1.ChallengeCallOpened", 1L,
                "funding.project.v1.ProjectAwarded", 1L,
                "funding.project.v1.TrancheDisbursed", 1L,
                "talent.enrollment.v1.HireAdmitted", 1L,
                "talent.enrollment.v1.HireExited", 1L));
        assertThat(after.tally().invalidRecords() - before.invalidRecords()).isEqualTo(2);
        assertThat(after.tally().duplicates() - before.duplicates()).isEqualTo(1);
        assertThat(after.tally().unknownTypes() - before.unknownTypes()).isEqualTo(1);

        List<String> lines = after.lines();
        assertThat(lines.get(0)).startsWith("Reading " + String.join(", ", Topics.ALL) + " from the beginning at "
                + Broker.bootstrapServers());
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "\\d{4}-\\d{2}-\\d{2}T\\S+Z  registry\\.platform\\.v1\\.PlatformRegistered  " + platformA
                        + "  温州智能装备研究院 \\(91330300MA2H7K8L0G\\), LUCHENG, INTELLIGENT_EQUIPMENT, PRIVATE_NON_ENTERPRISE"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("registry.platform.v2.PlatformStandingChanged  " + platformA)
                .endsWith("now UNDER_RECTIFICATION MUNICIPAL, rectifying [2024] (RectificationIssued on 2025-05-20)"));
        assertThat(indexOf(lines, "now RECOGNIZED MUNICIPAL (PlatformRecognized"))
                .isLessThan(indexOf(lines, "now UNDER_RECTIFICATION MUNICIPAL"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("funding.project.v1.ProjectAwarded  " + projectId)
                .endsWith("\"电驱系统关键技术攻关\" awarded ¥1,500,000.00 (+¥1,500,000.00 co-funding) to " + CREDIT_CODE));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("INVALID  registry.platform.v1-")
                .contains("registry.platform.v1.PlatformRecognized: ce_specversion must be 1.0, was 0.3"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("INVALID  registry.platform.v1-")
                .contains("data violates PlatformRegistered.schema.json")
                .contains("creditCode"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("SKIPPED  registry.platform.v1-")
                .contains(IntegrationEventCatalog.TYPE_PREFIX + "registry.platform.v1.PlatformRenamed is unknown"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("DUPLICATE  registry.platform.v1-")
                .contains("ce_id " + duplicatedId + " seen before"));
        // one aggregate's events arrive in order: they share a key, hence a partition
        assertThat(indexOf(lines, "ProjectAwarded  " + projectId)).isLessThan(indexOf(lines, "TrancheDisbursed  " + projectId));
        assertThat(indexOf(lines, "HireAdmitted  " + enrollmentId)).isLessThan(indexOf(lines, "HireExited  " + enrollmentId));
        assertThat(lines).contains(String.format("--- %d records: %d events, %d invalid, %d duplicates, %d of unknown type",
                after.tally().records(), after.tally().events(), after.tally().invalidRecords(),
                after.tally().duplicates(), after.tally().unknownTypes()));
        assertThat(lines.get(lines.size() - 1)).matches("  invalid +" + after.tally().invalidRecords());
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("  talent\\.enrollment\\.v1\\.HireExited +" + after.tally().perType().get("talent.enrollment.v1.HireExited")));
    }

    @Test
    void aNamedGroupResumesWhereItStoppedInsteadOfReplaying() {
        String group = KafkaAccess.SUBSCRIBER.groupPrefix() + "resume-test-" + uuid();
        String first = uuid();
        Broker.publish(new ChallengeCallOpened(first, 2025, "第一次", LocalDate.of(2025, 2, 10)), first, uuid());
        Run firstRun = run("--group-id", group, "--max-idle", "2");
        assertThat(firstRun.output()).contains("funding.call.v1.ChallengeCallOpened  " + first);

        String second = uuid();
        Broker.publish(new ChallengeCallOpened(second, 2026, "第二次", LocalDate.of(2026, 2, 10)), second, uuid());
        Run secondRun = run("--group-id", group, "--max-idle", "2");

        assertThat(secondRun.tally().records()).isEqualTo(1);
        assertThat(secondRun.output()).contains("funding.call.v1.ChallengeCallOpened  " + second)
                .doesNotContain(first);
    }

    @Test
    void stopsAfterMaxEventsRecords() {
        for (int i = 0; i < 2; i++) {
            String callId = uuid();
            Broker.publish(new ChallengeCallOpened(callId, 2025, "call " + i, LocalDate.of(2025, 2, 10)), callId, uuid());
        }
        Run run = run("--topics", Topics.FUNDING_CALL_V1, "--max-events", "2", "--max-idle", "20");

        assertThat(run.tally().records()).isEqualTo(2);
        assertThat(run.lines()).filteredOn(line -> line.matches("\\S+Z  funding\\.call\\.v1\\.ChallengeCallOpened  .*"))
                .hasSize(2);
    }

    @Test
    void stopsWhenAskedAndStillPrintsItsTally() {
        String callId = uuid();
        Broker.publish(new ChallengeCallOpened(callId, 2025, "停止测试", LocalDate.of(2025, 2, 10)), callId, uuid());
        Running running = start("--bootstrap-servers", Broker.bootstrapServers(), "--topics", Topics.FUNDING_CALL_V1);
        await().atMost(RUN_TIMEOUT).until(() -> running.output().contains(callId));

        running.subscriber().stopAndAwait();

        Run run = running.awaitEnd();
        assertThat(run.tally().events()).isPositive();
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("--- " + run.tally().records() + " records"));
    }

    @Test
    void theSubscribersCredentialsReadButAForgedRecordIsRefusedByTheBroker() {
        String platformId = uuid();
        ProducerRecord<String, byte[]> forged = CloudEventRecords.asPublishedByItsProducer(new RecognitionRevoked(
                platformId, "91330300MA2H7K8L0G", "forged", LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 1)), platformId,
                uuid(),
                Instant.now());

        assertThatThrownBy(() -> TopicProducers.sendAs(KafkaAccess.SUBSCRIBER.name(), forged))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static Run run(String... args) {
        List<String> withBroker = new ArrayList<>(List.of("--bootstrap-servers", Broker.bootstrapServers()));
        withBroker.addAll(List.of(args));
        return start(withBroker.toArray(String[]::new)).awaitEnd();
    }

    private static Running start(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // signed in as the subscriber, as an outside system is: it may read, never write
        SampleSubscriber subscriber = new SampleSubscriber(Options.parse(Map.of("KAFKA_PASSWORD",
                        RealInfrastructure.kafkaCredentials().password(KafkaAccess.SUBSCRIBER.name())), args),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Running(subscriber, buffer, CompletableFuture.supplyAsync(subscriber::run, RUNNER));
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((type, count) -> {
            long added = count - before.getOrDefault(type, 0L);
            if (added != 0) {
                difference.put(type, added);
            }
        });
        return difference;
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    record Running(SampleSubscriber subscriber, ByteArrayOutputStream buffer, CompletableFuture<Tally> result) {

        String output() {
            return buffer.toString(StandardCharsets.UTF_8);
        }

        Run awaitEnd() {
            await().atMost(RUN_TIMEOUT).until(result::isDone);
            return new Run(result.join(), output());
        }
    }

    record Run(Tally tally, String output) {

        List<String> lines() {
            return output.lines().toList();
        }
    }
}
