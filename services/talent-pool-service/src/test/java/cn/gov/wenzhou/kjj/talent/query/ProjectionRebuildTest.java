package cn.gov.wenzhou.kjj.talent.query;

import cn.gov.wenzhou.kjj.support.kafka.PublishedStandings;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.projection.ProjectionStatus;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TalentIntegrationTest
class ProjectionRebuildTest {

    static final List<String> VIEWS = List.of(PoolStatusProjection.TABLE, EnrollmentProjection.TABLE,
            EnrollmentHistoryProjection.TABLE, EmployerPlatformProjection.TABLE);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    DataSource dataSource;
    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();
    @Autowired
    EmployerPlatformProjection platforms;

    @Test
    void rebuildingEveryProjectionReproducesIdenticalRowsWithTheErasureRespected() {
        TalentFlows flows = new TalentFlows(port, projections);
        String platform = UUID.randomUUID().toString();
        String employer = TalentTestData.creditCode();
        publisher.publish(new PublishedStandings(platform, employer, "温州重建研究院")
                .registered(LocalDate.of(2026, 1, 5)), platform, UUID.randomUUID().toString(), Instant.now());
        await().atMost(PATIENCE).until(() -> platforms.platformOf(employer).isPresent());
        flows.freePosts(3);
        String exited = flows.admitted(employer, TalentTestData.person());
        flows.admitted(employer, TalentTestData.person());
        flows.approved(employer, TalentTestData.person());
        String rejected = flows.apply(employer, TalentTestData.person());
        assertThat(flows.institute.post("/api/enrollments/" + rejected + "/review",
                "{\"decision\": \"REJECT\", \"note\": \"材料不全\"}").status()).isEqualTo(200);
        flows.exit(exited, "MISCONDUCT");
        assertThat(flows.institute.post("/api/enrollments/" + exited + "/erasure",
                "{\"requestReference\": \"PIPL-REBUILD\"}").status()).isEqualTo(200);
        awaitEveryProjection(projections);
        Map<String, String> before = TableChecksums.of(dataSource, VIEWS);

        rebuildEveryProjection(projections);

        assertThat(TableChecksums.of(dataSource, VIEWS)).isEqualTo(before);
        assertThat(before.values()).noneMatch(checksum -> checksum.startsWith("0:"));
        assertThat(flows.institute.get("/api/enrollments/" + exited).json().path("person").path("disclosure")
                .asText()).isEqualTo("ERASED");
    }

    static void rebuildEveryProjection(ProjectionOperations projections) {
        for (ProjectionStatus projection : projections.list()) {
            if (!projection.name().equals("kafka-publisher")) {
                projections.rebuild(projection.name());
            }
        }
        awaitEveryProjection(projections);
    }

    static void awaitEveryProjection(ProjectionOperations projections) {
        projections.list().stream().filter(p -> !p.name().equals("kafka-publisher"))
                .forEach(p -> projections.awaitCaughtUp(p.name(), PATIENCE));
    }
}
