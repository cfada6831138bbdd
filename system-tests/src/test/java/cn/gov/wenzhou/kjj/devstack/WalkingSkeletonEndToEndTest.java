package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingProjection;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummaryProjection;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import cn.gov.wenzhou.kjj.testsupport.TopicProducers;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton across service boundaries: a REST command in the registry becomes an event in the registry's
 * store, an integration event on Kafka, and a row in funding-service's platform-standing view.
 */
class WalkingSkeletonEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static RunningStack stack;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startStack() {
        stack = RunningStack.shared();
    }

    @Test
    void registryCommandReachesFundingsPlatformStandingViewThroughKafka() throws Exception {
        String platformId = registerPlatform("端到端研究院");

        JdbcTemplate registryStore = new JdbcTemplate(stack.bean(StackService.PLATFORM_REGISTRY, DataSource.class));
        String storedEventId = registryStore.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ?", String.class,
                platformId);

        ConsumerRecord<String, byte[]> published = TopicRecords.awaitMatching(kafka(), Topics.REGISTRY_PLATFORM_V1,
                record -> platformId.equals(record.key()), PATIENCE).get(0);
        assertThat(TopicRecords.header(published, CloudEventHeaders.ID)).isEqualTo(storedEventId);
        // funding keeps the standing the registry published on v2 after that event, under the standing's own id
        String standingId = TopicRecords.header(publishedStanding(platformId), CloudEventHeaders.ID);
        assertThat(standingId).isNotEqualTo(storedEventId);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode standing = json.readTree(get(StackService.FUNDING, "/api/platform-standings/" + platformId));
            assertThat(standing.path("standing").asText()).isEqualTo("REGISTERED");
            assertThat(standing.path("name").asText()).isEqualTo("端到端研究院");
            assertThat(standing.path("sourceEventId").asText()).isEqualTo(standingId);
        });
    }

    /**
     * One trace across the boundary: the registry command sent in a known trace (a caller's W3C traceparent), the
     * standing the registry's processor publishes later on a thread of its own, and funding's handling of that record
     * (the standing event funding's consumer records, through the command it sent in its listener's span) all carry
     * that trace id.
     */
    @Test
    void oneTraceRunsFromTheRegistryCommandThroughKafkaToFundingsStandingUpdate() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String platformId = registerPlatform("追踪研究院",
                api(StackService.PLATFORM_REGISTRY).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        ConsumerRecord<String, byte[]> standing = publishedStanding(platformId);
        assertThat(TopicRecords.header(standing, "traceparent")).startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");

        JdbcTemplate fundingStore = new JdbcTemplate(stack.bean(StackService.FUNDING, DataSource.class));
        await().atMost(PATIENCE).until(() -> standingEvents(fundingStore, platformId) == 1);
        String fundingMetadata = fundingStore.queryForObject(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, platformId);
        JsonNode traceparent = json.readTree(fundingMetadata).path("traceparent");
        assertThat(traceparent.asText()).as(fundingMetadata).startsWith("00-" + traceId + "-")
                .isNotEqualTo(TopicRecords.header(standing, "traceparent"));
    }

    @Test
    void deliveringTheSameKafkaRecordTwiceChangesNothing() throws Exception {
        String platformId = registerPlatform("重复投递研究院");
        ConsumerRecord<String, byte[]> published = publishedStanding(platformId);
        JdbcTemplate fundingStore = new JdbcTemplate(stack.bean(StackService.FUNDING, DataSource.class));
        await().atMost(PATIENCE).until(() -> standingEvents(fundingStore, platformId) == 1);

        redeliver(published);
        String marker = registerPlatform("标记研究院");
        await().atMost(PATIENCE).until(() -> standingEvents(fundingStore, marker) == 1);

        assertThat(standingEvents(fundingStore, platformId)).isEqualTo(1);
    }

    @Test
    void resettingProjectionsRebuildsIdenticalRows() throws Exception {
        String platformId = registerPlatform("重建研究院");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get(StackService.FUNDING, "/api/platform-standings/" + platformId)).contains(platformId));

        assertRebuildReproducesRows(StackService.FUNDING, PlatformStandingProjection.NAME, "platform_standing");
        assertRebuildReproducesRows(StackService.PLATFORM_REGISTRY, PlatformSummaryProjection.NAME,
                "platform_summary");
    }

    @Test
    void eachServiceAcceptsItsSkeletonCommand() {
        assertThat(api(StackService.FUNDING).as(Role.FUNDING_OFFICER).post("/api/calls",
                "{\"year\": 2025, \"title\": \"2025年度揭榜挂帅\"}").status()).isEqualTo(201);
        assertThat(api(StackService.TALENT_POOL).as(Role.TALENT_INSTITUTE).put("/api/pool/quotas/2025",
                "{\"posts\": 200, \"reason\": \"核定\"}").status()).isEqualTo(200);
    }

    private void assertRebuildReproducesRows(StackService service, String projection, String table) {
        ProjectionOperations projections = stack.bean(service, ProjectionOperations.class);
        DataSource dataSource = stack.bean(service, DataSource.class);
        projections.awaitCaughtUp(projection, PATIENCE);
        String before = TableChecksums.of(dataSource, table);

        projections.rebuild(projection);
        projections.awaitCaughtUp(projection, PATIENCE);

        assertThat(TableChecksums.of(dataSource, table)).isEqualTo(before).doesNotStartWith("0:");
    }

    private String registerPlatform(String name) throws Exception {
        return registerPlatform(name, api(StackService.PLATFORM_REGISTRY));
    }

    private String registerPlatform(String name, ApiClient registry) throws Exception {
        ApiClient.Response created = registry.as(Role.REGISTRY_ADMIN).post(
                "/api/platforms", """
                        {"creditCode": "%s", "name": "%s", "district": "瓯海",
                         "industry": "泵阀", "legalForm": "ENTERPRISE", "leadModel": "LEADING_ENTERPRISE"}"""
                        .formatted(uniqueCreditCode(), name));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("platformId").asText();
    }

    /** Credit codes are unique across platforms: every registration here gets a fresh, valid one. */
    private static String uniqueCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder first17 = new StringBuilder("913303");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (first17.length() < 17) {
            first17.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return first17 + String.valueOf(UnifiedSocialCreditCode.checkCharacter(first17.toString()));
    }

    /** The standing the registry published on v2 for a platform: what funding keeps its replica from. */
    private ConsumerRecord<String, byte[]> publishedStanding(String platformId) {
        return TopicRecords.awaitMatching(kafka(), Topics.REGISTRY_PLATFORM_V2,
                record -> platformId.equals(record.key())
                        && TopicRecords.header(record, CloudEventHeaders.TYPE).contains("PlatformStandingChanged"),
                PATIENCE).get(0);
    }

    private void redeliver(ConsumerRecord<String, byte[]> record) {
        // as the topic's producer would, signed in as it: the broker lets no one else write the topic
        TopicProducers.sendAsItsProducer(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                record.headers()));
    }

    private static long standingEvents(JdbcTemplate fundingStore, String platformId) {
        Long count = fundingStore.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, platformId);
        return count == null ? 0 : count;
    }

    private String get(StackService service, String path) {
        ApiClient.Response response = api(service).as(Role.FUNDING_OFFICER, Role.REGISTRY_ADMIN).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static ApiClient api(StackService service) {
        return ApiClient.on(stack.baseUrl(service));
    }

    private static Map<String, Object> kafka() {
        return RealInfrastructure.kafka().adminProperties();
    }
}
