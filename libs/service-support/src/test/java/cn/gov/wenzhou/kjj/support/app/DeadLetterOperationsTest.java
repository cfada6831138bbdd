package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
import cn.gov.wenzhou.kjj.support.kafka.KafkaSupportAutoConfiguration;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record (one its consumer can never apply as it is) reaches the dead letters after its bounded retries, is
 * counted in health and metrics, and an operator replays it once the cause is fixed: applied once, however often it is
 * replayed.
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterOperationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    EffectListener effects;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient operator;
    final List<String> failingSubjects = new ArrayList<>();

    @BeforeEach
    void setUp() {
        operator = ApiClient.on(port).as("OPERATOR");
    }

    @AfterEach
    void fixEverything() {
        failingSubjects.forEach(effects.failing::remove);
    }

    @Test
    void aPoisonRecordIsDeadLetteredCountedLoggedAndAppliedExactlyOnceWhenReplayedAfterTheFix(CapturedOutput output) {
        String subject = failing();
        String ceId = UUID.randomUUID().toString();
        ConsumerTestRecords.send(record(subject, ceId));

        JsonNode letter = ConsumerTestRecords.awaitDeadLetter(operator, ceId, PATIENCE);
        assertThat(letter.path("status").asText()).isEqualTo("PENDING");
        assertThat(letter.path("topic").asText()).isEqualTo(Topics.REGISTRY_PLATFORM_V1);
        assertThat(letter.path("offset").isIntegralNumber()).isTrue();
        assertThat(letter.path("reason").asText()).contains("effect refused for this subject");
        assertThat(TopicRecords.awaitMatching(RealInfrastructure.kafka().adminProperties(),
                KafkaSupportAutoConfiguration.deadLetterTopic(Topics.REGISTRY_PLATFORM_V1, "support-test"),
                r -> ceId.equals(TopicRecords.header(r, CloudEventHeaders.ID)), PATIENCE)).hasSize(1);
        long id = letter.path("id").asLong();
        assertThat(operator.get("/ops/dead-letters/" + id).json().path("data").asText()).contains(subject);
        String position = Topics.REGISTRY_PLATFORM_V1 + "-" + letter.path("partition").asInt() + "@"
                + letter.path("offset").asLong();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(line -> line.contains(" ERROR ") && line.contains("dead letter: " + position)))
                .as("one ERROR line names the dead letter's topic, partition, offset and ce_id")
                .anySatisfy(line -> assertThat(line).contains("ce_id '" + ceId + "'")
                        .contains("effect refused for this subject")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode health = operator.get("/actuator/health").json();
            assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(health.path("components").path("deadLetters").path("status").asText()).isEqualTo("DEGRADED");
            assertThat(health.path("components").path("deadLetters").path("details").path("pending").asLong())
                    .isPositive();
        });
        assertThat(ApiClient.on(port).anonymous().get("/actuator/health").status())
                .as("dead letters need an operator, they do not take the service down").isEqualTo(200);
        assertThat(ApiClient.on(port).anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        String metrics = operator.get("/actuator/prometheus").body();
        assertThat(metrics).contains("stb_kafka_dead_letters_total{topic=\"registry.platform.v1\"")
                .contains("stb_kafka_dead_letters_pending");

        ApiClient.Response tooEarly = operator.post("/ops/dead-letters/" + id + "/replay", null);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().path("rule").asText()).isEqualTo("dead-letter.replay-failed");
        assertThat(operator.get("/ops/dead-letters/" + id).json().path("lastReplayFailure").asText())
                .contains("effect refused");
        assertThat(effectCount(ceId)).isZero();

        effects.failing.remove(subject);
        ApiClient.Response replayed = operator.post("/ops/dead-letters/" + id + "/replay", null);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("status").asText()).isEqualTo("REPLAYED");
        assertThat(replayed.json().path("resolvedBy").asText()).isNotBlank();
        assertThat(effectCount(ceId)).isEqualTo(1);

        ApiClient.Response again = operator.post("/ops/dead-letters/" + id + "/replay", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("REPLAYED");
        assertThat(effectCount(ceId)).as("a second replay changes nothing").isEqualTo(1);
    }

    @Test
    void replayingEveryPendingDeadLetterAppliesEachInTheOrderItsRecordsWereRead() {
        String subject = failing();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        ConsumerTestRecords.send(record(subject, first));
        ConsumerTestRecords.send(record(subject, second));
        long firstId = ConsumerTestRecords.awaitDeadLetter(operator, first, PATIENCE).path("id").asLong();
        long secondId = ConsumerTestRecords.awaitDeadLetter(operator, second, PATIENCE).path("id").asLong();
        effects.failing.remove(subject);

        ApiClient.Response replayed = operator.post("/ops/dead-letters/replay", null);

        assertThat(replayed.status()).isEqualTo(200);
        List<Long> replayedIds = new ArrayList<>();
        replayed.json().forEach(outcome -> {
            if ("REPLAYED".equals(outcome.path("status").asText())) {
                replayedIds.add(outcome.path("id").asLong());
            }
        });
        assertThat(replayedIds).containsSubsequence(firstId, secondId);
        assertThat(effectCount(first)).isEqualTo(1);
        assertThat(effectCount(second)).isEqualTo(1);
        assertThat(operator.get("/ops/dead-letters?status=PENDING&limit=1000").json())
                .noneMatch(letter -> letter.path("id").asLong() == firstId || letter.path("id").asLong() == secondId);
    }

    @Test
    void aDiscardedDeadLetterNeedsAReasonAndIsNeverReplayed() {
        String subject = failing();
        String ceId = UUID.randomUUID().toString();
        ConsumerTestRecords.send(record(subject, ceId));
        long id = ConsumerTestRecords.awaitDeadLetter(operator, ceId, PATIENCE).path("id").asLong();

        ApiClient.Response noReason = operator.post("/ops/dead-letters/" + id + "/discard", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");

        ApiClient.Response discarded = operator.post("/ops/dead-letters/" + id + "/discard",
                "{\"reason\": \"forged by a test\"}");
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(discarded.json().path("status").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.json().path("resolution").asText()).isEqualTo("forged by a test");

        effects.failing.remove(subject);
        ApiClient.Response replay = operator.post("/ops/dead-letters/" + id + "/replay", null);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().path("rule").asText()).isEqualTo("dead-letter.discarded");
        assertThat(effectCount(ceId)).isZero();
    }

    @Test
    void anUnknownDeadLetterIsNotFoundAndAListNeedsABoundedLimit() {
        assertThat(operator.post("/ops/dead-letters/999999999/replay", null).status()).isEqualTo(404);
        assertThat(operator.get("/ops/dead-letters?limit=0").status()).isEqualTo(400);
        assertThat(operator.get("/ops/dead-letters?status=LOST").status()).isEqualTo(400);
        assertThat(ApiClient.on(port).as("FUNDING_OFFICER").get("/ops/dead-letters").status()).isEqualTo(403);
        assertThat(ApiClient.on(port).anonymous().get("/ops/dead-letters").status()).isEqualTo(401);
    }

    private String failing() {
        String subject = UUID.randomUUID().toString();
        effects.failing.add(subject);
        failingSubjects.add(subject);
        return subject;
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(String subject,
                                                                                            String ceId) {
        return ConsumerTestRecords.asPublished(new PlatformRegistered(subject, "91330300MA2H7K8L0G", "t", "LUCHENG",
                "DIGITAL_ECONOMY", "ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2024, 1, 2)), subject, ceId);
    }

    private long effectCount(String messageId) {
        return jdbc.queryForObject("select count(*) from test_effect where message_id = ?", Long.class, messageId);
    }
}
