package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventRecords;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationJson;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TopicProducers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Publishes records exactly as the services do (CloudEvents binary mode, {@link CloudEventRecords}), waits until the
 * open data has applied them, and calls the public API as an anonymous client of its own.
 */
public final class OpenDataTestSupport {

    public static final String FUNDER_CREDIT_CODE = "11330300MB00000001";
    public static final int BURST = 40;
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final AtomicInteger ORGANISATIONS = new AtomicInteger((int) (System.nanoTime() % 50_000));
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Map<String, String> SOURCES = Map.of("registry", "/wenzhou-stb/platform-registry",
            "funding", "/wenzhou-stb/funding-service", "talent", "/wenzhou-stb/talent-pool-service");

    private final JdbcTemplate jdbc;
    private final int port;

    public OpenDataTestSupport(JdbcTemplate jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    /** Anonymous, as a client of its own (its own rate-limit bucket, forwarded by the trusted loopback proxy). */
    public ApiClient api() {
        int client = CLIENTS.incrementAndGet();
        return ApiClient.on(port).anonymous().header("X-Forwarded-For", "198.51." + client / 250 + "." + client % 250);
    }

    /** A fresh valid Unified Social Credit Code, so that tests never share an organisation. */
    public static String newCreditCode() {
        String first17 = "91330300MA" + String.format("%07d", ORGANISATIONS.incrementAndGet() % 10_000_000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + CODE_CHARS.charAt((31 - sum % 31) % 31);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Publishes as its service would (key = {@code subject}); returns the ce_id. */
    public String publish(IntegrationEvent event, String subject) {
        String id = newId();
        send(CloudEventRecords.of(event, sourceOf(event), subject, id, Instant.parse("2025-07-01T02:00:00Z")));
        return id;
    }

    /** The same record, but its JSON carries a field the contract does not name (a domain field leaking out). */
    public String publishWithExtraField(IntegrationEvent event, String subject, String field, String value) {
        String id = newId();
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event, sourceOf(event), subject, id,
                Instant.parse("2025-07-01T02:00:00Z"));
        ObjectNode json = IntegrationJson.mapper().valueToTree(event);
        json.put(field, value);
        ProducerRecord<String, byte[]> leaking = new ProducerRecord<>(record.topic(), null, record.key(),
                json.toString().getBytes(StandardCharsets.UTF_8), record.headers());
        send(leaking);
        return id;
    }

    /** A record of a type the contract does not have (for example a bid), on a published topic. */
    public String publishUnknownType(String topic, String type, String subject, String json) {
        String id = newId();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject,
                json.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.SOURCE, "/wenzhou-stb/funding-service");
        header(record, CloudEventHeaders.TYPE, IntegrationEventCatalog.TYPE_PREFIX + topic + "." + type);
        header(record, CloudEventHeaders.TIME, "2025-07-01T02:00:00Z");
        header(record, CloudEventHeaders.SUBJECT, subject);
        send(record);
        return id;
    }

    /** Waits until the intake has applied (or read past) every one of these ce_ids. */
    public void awaitApplied(String... ceIds) {
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(distinct message_id) from processed_message where message_id in ("
                        + String.join(",", List.of(ceIds).stream().map(id -> "'" + id + "'").toList()) + ")",
                Long.class) == ceIds.length);
    }

    /** A platform registered (v2) and recognized at municipal level: published, with its ce_ids applied. */
    public String recognizedPlatform(String creditCode, String name, String district, String districtLabel,
                                     String industry, LocalDate recognizedOn) {
        String platformId = newId();
        String registered = publish(new PlatformRegistered(platformId, creditCode, name,
                new PlatformRegistered.District(district, districtLabel),
                new PlatformRegistered.Industry(industry, "2023.1"), "PRIVATE_NON_ENTERPRISE", "LEADING_ENTERPRISE",
                List.of(), recognizedOn.minusMonths(3)), platformId);
        String recognized = publish(new PlatformRecognized(platformId, creditCode, "MUNICIPAL", "温科发〔2024〕12号",
                recognizedOn), platformId);
        awaitApplied(registered, recognized);
        return platformId;
    }

    /** As the topic's producer, signed in as it: the broker lets no one else write the topic. */
    private void send(ProducerRecord<String, byte[]> record) {
        TopicProducers.sendAsItsProducer(record);
    }

    private static String sourceOf(IntegrationEvent event) {
        String topic = IntegrationEventCatalog.topicOf(event.getClass());
        return SOURCES.get(topic.substring(0, topic.indexOf('.')));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
