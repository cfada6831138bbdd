package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.command.StaffingPool;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admission or an exit is one decision of two aggregates, the enrollment and the pool: refused by either, neither
 * records anything (real PostgreSQL, one transaction).
 */
@TalentIntegrationTest
class AdmissionAndExitApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    TalentFlows flows;

    @BeforeEach
    void setUp() {
        flows = new TalentFlows(port, projections);
    }

    @Test
    void anAdmissionThePoolRefusesLeavesTheEnrollmentApprovedAndThePersonWithoutAPost() {
        String id = flows.approved(TalentTestData.creditCode(), TalentTestData.person());
        flows.freePosts(0);
        long enrollmentBefore = lastSequenceOf(id);
        long poolBefore = lastSequenceOf(StaffingPool.WENZHOU);

        ApiClient.Response refused = flows.admit(id);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("pool.quota-exhausted");
        assertThat(lastSequenceOf(id)).isEqualTo(enrollmentBefore);
        assertThat(lastSequenceOf(StaffingPool.WENZHOU)).isEqualTo(poolBefore);
        assertThat(jdbc.queryForObject("select count(*) from person_post where enrollment_id = ?", Long.class, id))
                .as("the person's one post is not claimed").isZero();
        flows.freePosts(1);
        ApiClient.Response admitted = flows.admit(id);
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(admitted.json().path("state").asText()).isEqualTo("ADMITTED");
    }

    @Test
    void anExitTheEnrollmentRefusesLeavesThePostTaken() {
        flows.freePosts(1);
        String id = flows.admitted(TalentTestData.creditCode(), TalentTestData.person());
        long enrollmentBefore = lastSequenceOf(id);
        long poolBefore = lastSequenceOf(StaffingPool.WENZHOU);

        ApiClient.Response refused = flows.institute.post("/api/enrollments/" + id + "/exit",
                "{\"reason\": \"LEFT_EMPLOYER\", \"exitedOn\": \"" + TalentFlows.today().minusDays(1) + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("exit.before-admission");
        assertThat(lastSequenceOf(id)).isEqualTo(enrollmentBefore);
        assertThat(lastSequenceOf(StaffingPool.WENZHOU)).as("no post freed").isEqualTo(poolBefore);
        flows.exit(id, "LEFT_EMPLOYER");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like '%PostFreed' and convert_from(payload, 'UTF8') like ?", Long.class,
                StaffingPool.WENZHOU, "%" + id + "%")).isEqualTo(1);
    }

    private long lastSequenceOf(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
    }
}
