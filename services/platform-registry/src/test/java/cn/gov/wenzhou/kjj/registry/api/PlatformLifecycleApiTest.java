package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.PATIENCE;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.expect;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The lifecycle through the REST API, with the evaluation rules acting on their own, as registry staff see it. */
@RegistryIntegrationTest
class PlatformLifecycleApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    TestPlatforms platforms;

    @BeforeEach
    void setUp() {
        platforms = new TestPlatforms(port, jdbc);
    }

    @Test
    void recognitionAndUpgradeShowInTheRecord() {
        Registered platform = platforms.recognized(uniqueName("升级研究院"));
        expect(200, platforms.admin().post("/api/platforms/" + platform.platformId() + "/upgrade", """
                {"level": "PROVINCIAL", "documentNumber": "浙科发〔2023〕5号", "upgradedOn": "2023-04-01"}"""));

        JsonNode record = platforms.awaitDetail(platform.platformId(),
                d -> "PROVINCIAL".equals(d.path("platform").path("level").asText()));
        assertThat(record.path("platform").path("status").asText()).isEqualTo("RECOGNIZED");
        assertThat(record.path("platform").path("firstRecognizedOn").asText()).isEqualTo("2021-06-01");
        assertThat(record.path("platform").path("documentNumber").asText()).isEqualTo("浙科发〔2023〕5号");
    }

    @Test
    void failIssuesARectificationNoticeNamingTheDistrictAuthorityWhichIsThenConfirmed() {
        Registered platform = platforms.recognized(uniqueName("整改研究院"), "乐清", "电气", "MUNICIPAL", "2021-06-01");
        ApiClient.Response evaluated = evaluateAfterReport(platform, 2023, "55");
        assertThat(evaluated.json().path("grade").asText()).isEqualTo("FAIL");
        assertThat(evaluated.json().path("parameterVersion").asText()).isEqualTo("2023.1");

        platforms.awaitEvent(platform.platformId(), "RectificationIssued");
        JsonNode underRectification = platforms.awaitDetail(platform.platformId(),
                d -> "UNDER_RECTIFICATION".equals(d.path("platform").path("status").asText()));
        JsonNode year = underRectification.path("years").get(0);
        assertThat(year.path("rectification").path("supervisingAuthority").asText()).isEqualTo("乐清市科技局");
        assertThat(year.path("evaluation").path("grade").asText()).isEqualTo("FAIL");

        expect(200, platforms.admin().post("/api/platforms/" + platform.platformId()
                + "/rectifications/2023/confirmation", null));
        JsonNode confirmed = platforms.awaitDetail(platform.platformId(),
                d -> "RECOGNIZED".equals(d.path("platform").path("status").asText()));
        assertThat(confirmed.path("years").get(0).path("rectification").path("confirmedOn").asText())
                .isEqualTo(BusinessCalendar.today(clock).toString());
    }

    @Test
    void secondConsecutiveFailRevokesRecognitionAndReapplicationInsideTheBarIsRefusedAndRecorded() {
        Registered platform = platforms.recognized(uniqueName("撤销研究院"));
        evaluateAfterReport(platform, 2023, "50");
        platforms.awaitEvent(platform.platformId(), "RectificationIssued");
        evaluateAfterReport(platform, 2024, "58.5");

        platforms.awaitEvent(platform.platformId(), "RecognitionRevoked");
        LocalDate today = BusinessCalendar.today(clock);
        JsonNode revoked = platforms.awaitDetail(platform.platformId(),
                d -> "REVOKED".equals(d.path("platform").path("status").asText()));
        assertThat(revoked.path("platform").path("revocationReason").asText())
                .isEqualTo("FAILED_TWO_CONSECUTIVE_YEARS");
        assertThat(revoked.path("platform").path("reapplicationOpensOn").asText())
                .isEqualTo(today.plusYears(2).toString());
        assertThat(revoked.path("platform").path("level").isNull()).isTrue();

        long before = platforms.events(platform.platformId());
        ApiClient.Response refused = platforms.admin().post("/api/platforms/" + platform.platformId()
                + "/reapplication", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("reapplication.two-year-bar");
        assertThat(refused.json().path("detail").asText()).contains(today.plusYears(2).toString());
        assertThat(platforms.events(platform.platformId())).isEqualTo(before + 1);
        assertThat(platforms.eventTypes(platform.platformId())).last().isEqualTo("ReapplicationRefused");
        assertThat(platforms.awaitDetail(platform.platformId(),
                d -> d.path("platform").path("refusedReapplications").asInt() == 1)).isNotNull();
    }

    @Test
    void nonAttendanceWithoutAJustifiedReasonRevokesRecognition() {
        Registered platform = platforms.recognized(uniqueName("缺评研究院"));
        expect(201, platforms.admin().post("/api/platforms/" + platform.platformId() + "/non-participations",
                "{\"year\": 2024, \"justified\": false}"));

        platforms.awaitEvent(platform.platformId(), "RecognitionRevoked");
        JsonNode revoked = platforms.awaitDetail(platform.platformId(),
                d -> "REVOKED".equals(d.path("platform").path("status").asText()));
        assertThat(revoked.path("platform").path("revocationReason").asText())
                .isEqualTo("NOT_ATTENDED_WITHOUT_JUSTIFICATION");
        assertThat(revoked.path("years").get(0).path("evaluation").path("grade").asText()).isEqualTo("NOT_ATTENDED");
    }

    @Test
    void justifiedNonAttendanceKeepsTheRecognition() {
        Registered platform = platforms.recognized(uniqueName("缓评研究院"));
        expect(201, platforms.admin().post("/api/platforms/" + platform.platformId() + "/non-participations",
                "{\"year\": 2024, \"justified\": true, \"reason\": \"主要负责人变更，经同意缓评\"}"));
        Registered marker = platforms.recognized(uniqueName("标记研究院"));
        expect(201, platforms.admin().post("/api/platforms/" + marker.platformId() + "/non-participations",
                "{\"year\": 2024, \"justified\": false}"));

        platforms.awaitEvent(marker.platformId(), "RecognitionRevoked");
        assertThat(platforms.eventTypes(platform.platformId())).doesNotContain("RecognitionRevoked");
        JsonNode year = platforms.awaitDetail(platform.platformId(), d -> d.path("years").size() == 1)
                .path("years").get(0);
        assertThat(year.path("evaluation").path("justified").asBoolean()).isTrue();
        assertThat(year.path("evaluation").path("nonAttendanceReason").asText()).isEqualTo("主要负责人变更，经同意缓评");
    }

    @Test
    void timelineTellsEveryEventInOrderWithLabelsAndWhoDidIt() {
        Registered platform = platforms.recognized(uniqueName("时间线研究院"));
        evaluateAfterReport(platform, 2023, "40");
        platforms.awaitEvent(platform.platformId(), "RectificationIssued");

        JsonNode timeline = platforms.timeline(platform.platformId());

        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types).containsExactly("PlatformRegistered", "PlatformRecognized", "AnnualReportSubmitted",
                "PlatformEvaluated", "RectificationIssued");
        for (int i = 0; i < timeline.size(); i++) {
            assertThat(timeline.get(i).path("sequence").asLong()).isEqualTo(i);
            assertThat(timeline.get(i).path("labelZh").asText()).isNotBlank();
            assertThat(timeline.get(i).path("labelEn").asText()).isNotBlank();
            assertThat(timeline.get(i).path("recordedAt").asText()).isNotBlank();
        }
        assertThat(timeline.get(3).path("summaryZh").asText()).contains("不合格").contains("2023.1");
        assertThat(timeline.get(3).path("actor").asText()).isEqualTo("test-registry_admin");
        assertThat(timeline.get(3).path("actorRole").asText()).isEqualTo("REGISTRY_ADMIN");
        assertThat(timeline.get(4).path("labelZh").asText()).isEqualTo("发函提醒整改");
        assertThat(timeline.get(4).path("summaryZh").asText()).contains("鹿城区科技局");
        assertThat(timeline.get(4).path("actor").asText()).isEqualTo("system:platform-registry/evaluation-rules");
        assertThat(timeline.get(4).path("actorRole").asText()).isEqualTo("SYSTEM");
    }

    @Test
    void everyStateChangeIsPublishedOnTheRegistryTopic() {
        Registered platform = platforms.recognized(uniqueName("发布研究院"));
        expect(200, platforms.admin().post("/api/platforms/" + platform.platformId() + "/upgrade", """
                {"level": "PROVINCIAL", "documentNumber": "浙科发〔2023〕5号", "upgradedOn": "2023-04-01"}"""));
        evaluateAfterReport(platform, 2023, "50");
        platforms.awaitEvent(platform.platformId(), "RectificationIssued");
        expect(200, platforms.admin().post("/api/platforms/" + platform.platformId()
                + "/rectifications/2023/confirmation", null));
        expect(201, platforms.admin().post("/api/platforms/" + platform.platformId() + "/non-participations",
                "{\"year\": 2024, \"justified\": false}"));
        platforms.awaitEvent(platform.platformId(), "RecognitionRevoked");
        assertThat(platforms.admin().post("/api/platforms/" + platform.platformId() + "/reapplication", null)
                .status()).isEqualTo(409);

        Set<String> expected = Set.of("PlatformRegistered", "PlatformRecognized", "PlatformUpgraded",
                "AnnualReportSubmitted", "PlatformEvaluated", "RectificationIssued", "RectificationConfirmed",
                "EvaluationNotAttended", "RecognitionRevoked", "ReapplicationRefused");
        Set<String> published = new HashSet<>();
        Map<String, Object> reader = new HashMap<>(RealInfrastructure.kafka().adminProperties());
        reader.putAll(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(reader)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRY_PLATFORM_V1).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            String prefix = IntegrationEventCatalog.TYPE_PREFIX + Topics.REGISTRY_PLATFORM_V1 + ".";
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (platform.platformId().equals(r.key())) {
                        published.add(TopicRecords.header(r, CloudEventHeaders.TYPE).substring(prefix.length()));
                    }
                }
                return published.containsAll(expected);
            });
        }
        assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
    }

    private ApiClient.Response evaluateAfterReport(Registered platform, int year, String score) {
        expect(200, platforms.report(platform.platformId(), year, 10));
        return expect(201, platforms.evaluate(platform.platformId(), year, score));
    }
}
