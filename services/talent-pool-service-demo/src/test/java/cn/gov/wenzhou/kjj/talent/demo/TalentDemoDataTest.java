package cn.gov.wenzhou.kjj.talent.demo;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.kafka.PublishedStandings;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.projection.ProjectionStatus;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.query.EmployerPlatformProjection;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentHistoryProjection;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentProjection;
import cn.gov.wenzhou.kjj.talent.query.PoolStatusProjection;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Demo data needs an empty store, hence its own context (a database of its own). */
@TalentIntegrationTest
@TestPropertySource(properties = "stb.demo.enabled=true")
class TalentDemoDataTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> VIEWS = List.of(PoolStatusProjection.TABLE, EnrollmentProjection.TABLE,
            EnrollmentHistoryProjection.TABLE, EmployerPlatformProjection.TABLE);

    @LocalServerPort
    int port;
    @Autowired
    TalentDemoData demo;
    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();
    @Autowired
    ProjectionOperations projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void demoDataFillsAnEmptyStoreThroughTheCommandsAndRebuildsIdentically() {
        Map<String, String> platformIds = Map.of("12330300MB1234567", UUID.randomUUID().toString(),
                "52330300MAD000002", UUID.randomUUID().toString());
        platformIds.forEach((first17, platformId) -> publisher.publish(new PublishedStandings(platformId,
                        first17 + UnifiedSocialCreditCode.checkCharacter(first17), "演示平台")
                        .registered(LocalDate.of(2024, 1, 2)), platformId, UUID.randomUUID().toString(),
                Instant.now()));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from domain_event_entry"
                + " where payload_type like '%PersonalDataErased'", Long.class) == 1);
        everyProjectionCaughtUp();
        ApiClient institute = ApiClient.on(port).as(Role.TALENT_INSTITUTE);

        JsonNode all = institute.get("/api/enrollments?size=200").json();
        assertThat(all.path("total").asLong()).isEqualTo(TalentDemoData.APPLICATIONS);
        Map<String, Long> byState = stream(all.path("items")).collect(Collectors.groupingBy(
                item -> item.path("state").asText(), Collectors.counting()));
        assertThat(byState).containsEntry("ADMITTED", 22L).containsEntry("EXITED", 4L)
                .containsEntry("REJECTED", 3L).containsEntry("WITHDRAWN", 1L).containsEntry("FORWARDED", 2L)
                .containsEntry("APPLIED", 3L).containsEntry("APPROVED", 1L);
        assertThat(stream(all.path("items")).map(item -> item.path("employerCreditCode").asText()).distinct())
                .hasSize(8);
        assertThat(stream(all.path("items")).filter(item -> !item.path("employerPlatformId").isNull())
                .map(item -> item.path("employerPlatformId").asText()).distinct())
                .containsExactlyInAnyOrderElementsOf(platformIds.values());

        int year = TalentFlows.today().getYear();
        JsonNode pool = institute.get("/api/pool/status/" + year).json();
        assertThat(pool.path("quota").asInt()).isEqualTo(30);
        assertThat(pool.path("admitted").asInt()).isEqualTo(26);
        assertThat(pool.path("exited").asInt()).isEqualTo(4);
        assertThat(pool.path("taken").asInt()).isEqualTo(22);
        assertThat(pool.path("free").asInt()).isEqualTo(8);

        JsonNode erased = institute.get("/api/enrollments/" + TalentDemoData.enrollmentId(19)).json();
        assertThat(erased.path("person").path("disclosure").asText()).isEqualTo("ERASED");
        assertThat(erased.path("exitReason").asText()).isEqualTo("LEFT_EMPLOYER");
        assertThat(institute.get("/api/enrollments/" + TalentDemoData.enrollmentId(0)).json().path("person")
                .path("name").asText()).isEqualTo("测试员工01");

        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        demo.load();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(events);

        Map<String, String> before = TableChecksums.of(dataSource, VIEWS);
        for (ProjectionStatus projection : projections.list()) {
            if (!projection.name().equals("kafka-publisher")) {
                projections.rebuild(projection.name());
            }
        }
        everyProjectionCaughtUp();
        assertThat(TableChecksums.of(dataSource, VIEWS)).isEqualTo(before);
    }

    private void everyProjectionCaughtUp() {
        projections.list().stream().filter(p -> !p.name().equals("kafka-publisher"))
                .forEach(p -> projections.awaitCaughtUp(p.name(), PATIENCE));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
