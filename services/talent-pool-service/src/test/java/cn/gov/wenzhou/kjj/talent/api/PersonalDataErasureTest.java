package cn.gov.wenzhou.kjj.talent.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.projection.ProjectionStatus;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.EnrollmentApplied;
import cn.gov.wenzhou.kjj.talent.command.PersonRegistry;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PIPL: personal data is encrypted per person, never logged nor published, and an erasure request makes it unreadable
 * everywhere (views, export, history, a replay of the whole event store), while the non-personal history stays.
 */
@TalentIntegrationTest
class PersonalDataErasureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    PersonRegistry people;
    TalentFlows flows;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() {
        flows = new TalentFlows(port, projections);
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(logs);
    }

    @Test
    void afterErasureNoViewExportHistoryOrReplayShowsThePersonWhileTheRestOfTheHistoryStays() {
        String employer = TalentTestData.creditCode();
        PersonalData person = TalentTestData.person();
        List<String> secrets = List.of(person.name(), person.idNumber(), person.phone());
        refusedApplicationsCarrying(employer, person);
        flows.freePosts(1);
        String id = flows.apply(employer, person);
        review(id, "FORWARD_TO_COUNCIL", "已核验" + person.name() + "的职称证书");
        flows.approve(id);
        assertThat(flows.admit(id).status()).isEqualTo(200);
        assertThat(flows.institute.post("/api/enrollments/" + id + "/exit",
                "{\"reason\": \"LEFT_EMPLOYER\", \"note\": \"" + person.name() + "离职\"}").status()).isEqualTo(200);
        int taken = flows.taken();
        awaitEveryProjection();

        // before: the institute reads the person (this is what must disappear), the database holds only ciphertext
        JsonNode before = flows.institute.get("/api/enrollments/" + id).json();
        assertThat(before.path("person").path("name").asText()).isEqualTo(person.name());
        assertThat(historyNotes(id)).anyMatch(note -> note.contains(person.name()));
        assertThat(flows.institute.get("/api/enrollments/export").body()).contains(person.idNumber());
        assertThat(tablesContainingAnyOf(secrets)).isEmpty();

        ApiClient.Response erased = flows.institute.post("/api/enrollments/" + id + "/erasure",
                "{\"requestReference\": \"PIPL-2026-0042\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("enrollmentIds").get(0).asText()).isEqualTo(id);
        assertThat(jdbc.queryForMap("""
                select k.wrapped_key, k.lookup_hash, k.erased_at from personal_data_key k
                join person_enrollment p on p.person_id = k.person_id where p.enrollment_id = ?""", id))
                .containsEntry("wrapped_key", null).containsEntry("lookup_hash", null)
                .extractingByKey("erased_at").isNotNull();
        assertNothingReadable(id, employer, person, secrets);

        // replay: reset every projection and rebuild it from the whole event store
        for (ProjectionStatus projection : projections.list()) {
            if (!projection.name().equals("kafka-publisher")) {
                projections.rebuild(projection.name());
            }
        }
        awaitEveryProjection();
        assertNothingReadable(id, employer, person, secrets);

        // the raw events: still there, ciphertext only, and no key opens it any more
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(id).forEachRemaining(events::add);
        assertThat(events).extracting(event -> event.getPayload().getClass().getSimpleName()).containsExactly(
                "EnrollmentApplied", "ApplicationForwardedToCouncil", "AdmissionApprovedByCouncil", "HireAdmitted",
                "HireExited", "PersonalDataErased");
        EnrollmentApplied applied = (EnrollmentApplied) events.get(0).getPayload();
        assertThat(applied.personalData().nameCiphertext()).isNotBlank();
        assertThat(people.reveal(applied.personalData())).isEmpty();
        assertThat(events).allSatisfy(event -> assertThat(event.getPayload().toString()).doesNotContain(secrets));
        assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8') || coalesce(convert_from(meta_data, 'UTF8'), '')"
                + " from domain_event_entry where aggregate_identifier = ?", String.class, id))
                .hasSize(6).allSatisfy(raw -> assertThat(raw).doesNotContain(secrets));

        // the non-personal history stays whole
        JsonNode after = flows.institute.get("/api/enrollments/" + id).json();
        assertThat(after.path("employerCreditCode").asText()).isEqualTo(employer);
        assertThat(after.path("field").asText()).isEqualTo("INTELLIGENT_EQUIPMENT");
        assertThat(after.path("titleLevel").asText()).isEqualTo("MID_LEVEL");
        assertThat(after.path("admittedOn").asText()).isEqualTo(TalentFlows.today().toString());
        assertThat(after.path("exitReason").asText()).isEqualTo("LEFT_EMPLOYER");
        assertThat(after.path("personalDataErasedOn").asText()).isEqualTo(TalentFlows.today().toString());
        assertThat(flows.institute.get("/api/enrollments/" + id + "/history").json().path("events")
                .findValuesAsText("type")).hasSize(6).endsWith("PersonalDataErased");
        assertThat(flows.taken()).isEqualTo(taken);

        // never published, never logged
        List<ConsumerRecord<String, byte[]>> published = TopicRecords.awaitMatching(
                RealInfrastructure.kafka().adminProperties(), Topics.TALENT_ENROLLMENT_V1,
                record -> id.equals(record.key()), PATIENCE);
        assertThat(published).allSatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(secrets));
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(rendered(event)).doesNotContain(secrets));
    }

    @Test
    void theSamePersonIsErasedAcrossAllTheirEnrollmentsOrNotAtAll() {
        String employer = TalentTestData.creditCode();
        PersonalData person = TalentTestData.person();
        String first = flows.apply(employer, person);
        review(first, "REJECT", "材料不全");
        String second = flows.apply(employer, person);

        ApiClient.Response refused = flows.institute.post("/api/enrollments/" + first + "/erasure",
                "{\"requestReference\": \"PIPL-2026-0043\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("erasure.enrollment-open");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)"
                + " and payload_type like '%PersonalDataErased'", Long.class, first, second)).isZero();

        review(second, "REJECT", "岗位不符");
        ApiClient.Response erased = flows.institute.post("/api/enrollments/" + first + "/erasure",
                "{\"requestReference\": \"PIPL-2026-0043\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        erased.json().path("enrollmentIds").forEach(node -> ids.add(node.asText()));
        assertThat(ids).containsExactlyInAnyOrder(first, second);
        projections.awaitCaughtUp("enrollments", PATIENCE);
        assertThat(flows.institute.get("/api/enrollments/" + second).json().path("person").path("disclosure")
                .asText()).isEqualTo("ERASED");
        assertThat(flows.institute.post("/api/enrollments/" + second + "/erasure",
                "{\"requestReference\": \"PIPL-2026-0044\"}").json().path("rule").asText())
                .isEqualTo("erasure.already-erased");
    }

    private void assertNothingReadable(String id, String employer, PersonalData person, List<String> secrets) {
        JsonNode institute = flows.institute.get("/api/enrollments/" + id).json();
        assertThat(institute.path("person").path("disclosure").asText()).isEqualTo("ERASED");
        assertThat(institute.path("person").path("name").isNull()).isTrue();
        assertThat(institute.toString()).doesNotContain(secrets);
        assertThat(flows.employer(employer).get("/api/enrollments/" + id).body()).doesNotContain(secrets)
                .contains("\"disclosure\":\"ERASED\"");
        assertThat(flows.institute.get("/api/enrollments/" + id + "/history").body()).doesNotContain(secrets);
        assertThat(historyNotes(id)).isEmpty();
        String export = flows.institute.get("/api/enrollments/export").body();
        assertThat(export).doesNotContain(secrets);
        assertThat(export.lines().filter(line -> line.startsWith(id)).findFirst()).hasValueSatisfying(line ->
                assertThat(line).contains(employer, "ERASED"));
        assertThat(tablesContainingAnyOf(secrets)).isEmpty();
    }

    private void refusedApplicationsCarrying(String employer, PersonalData person) {
        PersonalData tooLong = new PersonalData(person.name() + "x".repeat(60), person.idNumber(), person.phone());
        assertThat(flows.applyFor(employer, tooLong, "MID_LEVEL", "INTELLIGENT_EQUIPMENT", TalentFlows.today())
                .status()).isEqualTo(400);
        String wrongCheck = person.idNumber().substring(0, 17) + (person.idNumber().endsWith("0") ? "1" : "0");
        assertThat(flows.applyFor(employer, new PersonalData(person.name(), wrongCheck, person.phone()), "MID_LEVEL",
                "INTELLIGENT_EQUIPMENT", TalentFlows.today()).status()).isEqualTo(400);
        assertThat(flows.applyFor(employer, person, "JUNIOR", "INTELLIGENT_EQUIPMENT", TalentFlows.today())
                .status()).isEqualTo(409);
    }

    private void review(String id, String decision, String note) {
        String body = "{\"decision\": \"" + decision + "\", \"note\": \"" + note + "\"}";
        assertThat(flows.institute.post("/api/enrollments/" + id + "/review", body).status()).isEqualTo(200);
    }

    private List<String> historyNotes(String id) {
        projections.awaitCaughtUp("enrollment-history", PATIENCE);
        return flows.institute.get("/api/enrollments/" + id + "/history").json().path("events")
                .findValues("note").stream().filter(note -> !note.isNull()).map(JsonNode::asText).toList();
    }

    /** Every table of the service's database, every row as text (bytea as hex): where does any secret appear? */
    private List<String> tablesContainingAnyOf(List<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema"
                + " = current_schema() and table_type = 'BASE TABLE'", String.class)) {
            for (String secret : secrets) {
                String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
                Long rows = jdbc.queryForObject("select count(*) from " + table + " t where t::text like ?"
                        + " or lower(t::text) like ?", Long.class, "%" + secret + "%", "%" + hex + "%");
                if (rows != null && rows > 0) {
                    found.add(table);
                }
            }
        }
        return found;
    }

    private void awaitEveryProjection() {
        await().atMost(PATIENCE).untilAsserted(() -> projections.list().stream()
                .filter(p -> !p.name().equals("kafka-publisher"))
                .forEach(p -> projections.awaitCaughtUp(p.name(), PATIENCE)));
    }

    private static String rendered(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getMessage());
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        return text.append(' ').append(mdc).toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
