package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationIssued;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventRecords;
import cn.gov.wenzhou.kjj.testsupport.TopicProducers;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.PATIENCE;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, finding 1, on the public side: the open data believes a record only from its topic's producer. A forged
 * revocation (from anyone but the registry, or a funding type on the registry's topic) is refused into the dead letters
 * with the reason, and the public never sees it; the genuine records behind it on the same partition are still read.
 * And, as in the services, the intake is not ready without its database or before its consumer has joined its group.
 */
@OpenDataIntegrationTest
class ForgedRecordsTest {

    private static final Instant AT = Instant.parse("2025-07-01T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HealthEndpointGroups healthGroups;
    OpenDataTestSupport openData;

    @BeforeEach
    void setUp() {
        openData = new OpenDataTestSupport(jdbc, port);
    }

    @Test
    void aRevocationFromAnyoneButTheRegistryIsDeadLetteredAndNeverShown() throws Exception {
        String code = newCreditCode();
        String platformId = openData.recognizedPlatform(code, "伪造撤销测试研究院", "RUIAN", "瑞安市", "NEW_MATERIALS",
                LocalDate.of(2023, 4, 1));
        String forgedSource = newId();
        send(CloudEventRecords.of(new RecognitionRevoked(platformId, code, "CONSECUTIVE_FAILS",
                LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 1)), "/wenzhou-stb/sample-subscriber", platformId,
                forgedSource, AT));
        String forgedType = newId();
        send(onTopic(CloudEventRecords.asPublishedByItsProducer(new ProjectClosed(newId(), "TERMINATED", code,
                platformId, 0L, "NONE", LocalDate.of(2025, 6, 2)), platformId, forgedType, AT),
                Topics.REGISTRY_PLATFORM_V1, Topics.producerOf(Topics.REGISTRY_PLATFORM_V1).orElseThrow()));
        // a genuine record behind them, on the same partition (same key): still read
        String genuine = openData.publish(new RectificationIssued(platformId, code, 2024,
                "市科技局", LocalDate.of(2025, 3, 1)), platformId);
        openData.awaitApplied(genuine);

        await().atMost(PATIENCE).until(() -> reasonOf(forgedSource) != null && reasonOf(forgedType) != null);
        assertThat(reasonOf(forgedSource))
                .contains("ce_source '/wenzhou-stb/sample-subscriber' is not the producer of registry.platform.v1");
        assertThat(reasonOf(forgedType)).contains("is not published on registry.platform.v1");
        assertThat(openData.api().get("/open/v1/platforms/" + platformId).json().path("status").asText())
                .as("the forged revocation is not applied").isEqualTo("UNDER_RECTIFICATION");
    }

    @Test
    void theIntakeIsReadyOnlyWithItsDatabaseAndItsConsumersInTheirGroupAndAliveWithout() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("readiness").isMember("kafkaConsumers")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).isFalse();
    }

    private String reasonOf(String ceId) {
        return jdbc.query("select reason from kafka_dead_letter where ce_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, ceId);
    }

    /** {@code record} moved to {@code topic} with {@code source}: a type of another topic, sent by this topic's producer. */
    private static ProducerRecord<String, byte[]> onTopic(ProducerRecord<String, byte[]> record, String topic,
                                                          String source) {
        ProducerRecord<String, byte[]> moved = new ProducerRecord<>(topic, null, record.key(), record.value(),
                record.headers());
        moved.headers().remove(CloudEventHeaders.SOURCE);
        moved.headers().add(CloudEventHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
        return moved;
    }

    /** Signed in as the topic's producer: valid credentials, so only the consumer's checks stand in the way. */
    private void send(ProducerRecord<String, byte[]> record) {
        TopicProducers.sendAsItsProducer(record);
    }
}
