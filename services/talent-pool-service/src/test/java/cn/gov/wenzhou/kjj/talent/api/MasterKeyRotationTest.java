package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.security.Actor;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentPoolApplication;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.command.MasterKey;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.ServiceArguments;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rotating the master key on a database of its own (the service restarts with other keys, which the shared test
 * context must not see): data written under the old key is re-wrapped under the new one while the service answers
 * reads and writes, an interrupted rotation resumes by itself on restart, and afterwards the service starts without
 * the old key, reads everyone, still recognises a returning person, and erases.
 */
class MasterKeyRotationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String ROTATION = "/ops/personal-data/master-key-rotation";

    private final String oldKey = MasterKey.generateBase64();
    private final String newKey = MasterKey.generateBase64();
    private final String oldKeyId = MasterKey.parse(oldKey, "test").id();
    private final String newKeyId = MasterKey.parse(newKey, "test").id();
    private final String database = "rotation_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String employer = TalentTestData.creditCode();
    private final Map<String, PersonalData> enrolled = new LinkedHashMap<>();

    @Test
    void everyDataKeyIsReWrappedOnlineResumablyAndTheOldKeyIsNoLongerNeeded() {
        RealInfrastructure.postgres().createDatabase(database);
        PersonalData toEraseAfter = TalentTestData.person();
        String closedEnrollment;
        String erasedBefore;

        // the service as it ran under the old key
        try (ConfigurableApplicationContext service = start(oldKey, null, "0s")) {
            TalentFlows flows = flows(service);
            for (int i = 0; i < 12; i++) {
                PersonalData person = TalentTestData.person();
                enrolled.put(flows.apply(employer, person), person);
            }
            closedEnrollment = flows.apply(employer, toEraseAfter);
            reject(flows, closedEnrollment);
            erasedBefore = flows.apply(employer, TalentTestData.person());
            reject(flows, erasedBefore);
            assertThat(flows.institute.post("/api/enrollments/" + erasedBefore + "/erasure",
                    "{\"requestReference\": \"PIPL-R-1\"}").status()).isEqualTo(200);
            assertThat(operator(service).post(ROTATION, "").json().path("rule").asText())
                    .isEqualTo("master-key-rotation.no-previous-key");
        }

        // restarted with the new key and the old one as previous; a long pause after each batch leaves the rotation
        // half done while we read and write, then the service stops in the middle of it
        try (ConfigurableApplicationContext service = start(newKey, oldKey, "30s")) {
            TalentFlows flows = flows(service);
            JsonNode before = operator(service).get(ROTATION).json();
            assertThat(before.path("currentMasterKeyId").asText()).isEqualTo(newKeyId);
            assertThat(before.path("previousMasterKeyNeeded").asBoolean()).isTrue();
            assertThat(before.path("dataKeysByMasterKey").path(oldKeyId).asLong()).isEqualTo(13);

            ApiClient.Response started = operator(service).post(ROTATION, "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            JsonNode halfDone = await().atMost(PATIENCE).until(() -> operator(service).get(ROTATION).json(),
                    status -> status.path("rotation").path("dataKeysRewrapped").asInt() > 0);
            assertThat(halfDone.path("rotation").path("state").asText()).isEqualTo("RUNNING");
            assertThat(halfDone.path("dataKeysByMasterKey").path(oldKeyId).asLong()).isPositive();
            assertThat(halfDone.path("dataKeysByMasterKey").path(newKeyId).asLong()).isPositive();

            readsAndWritesWork(flows);
            assertThat(flows.institute.post(ROTATION, "").status()).isEqualTo(403);
        }

        // restarted with the same keys: the rotation resumes by itself and completes while the service answers
        try (ConfigurableApplicationContext service = start(newKey, oldKey, "100ms")) {
            TalentFlows flows = flows(service);
            readsAndWritesWork(flows);
            JsonNode done = await().atMost(PATIENCE).until(() -> operator(service).get(ROTATION).json(),
                    status -> status.path("rotation").path("state").asText().equals("COMPLETED"));
            assertThat(done.path("previousMasterKeyNeeded").asBoolean()).isFalse();
            assertThat(done.path("dataKeysByMasterKey").has(oldKeyId)).isFalse();
            assertThat(done.path("rotation").path("dataKeysLeft").asLong()).isZero();
            assertThat(done.path("rotation").path("percent").asInt()).isEqualTo(100);
            assertThat(done.path("rotation").path("dataKeysRewrapped").asInt())
                    .isEqualTo(done.path("rotation").path("dataKeysToRewrap").asInt()).isEqualTo(13);

            // recorded: started by the operator, completed by the service, between key ids (never keys)
            List<DomainEventMessage<?>> events = new ArrayList<>();
            service.getBean(EventStore.class).readEvents(done.path("rotation").path("rotationId").asText())
                    .forEachRemaining(events::add);
            assertThat(events).extracting(event -> event.getPayload().getClass().getSimpleName())
                    .containsExactly("MasterKeyRotationStarted", "MasterKeyRotationCompleted");
            assertThat(events.get(0).getMetaData().get(Actor.ROLE_KEY)).isEqualTo(Role.OPERATOR.name());
            assertThat(String.valueOf(events.get(1).getMetaData().get(Actor.SUBJECT_KEY))).startsWith("system:");
            assertThat(events).allSatisfy(event -> assertThat(event.getPayload().toString())
                    .contains(oldKeyId).doesNotContain(oldKey, newKey));
        }

        // the old key is no longer needed: the service starts without it, reads everyone, recognises a returning
        // person under the recomputed hash, and erases
        try (ConfigurableApplicationContext service = start(newKey, null, "0s")) {
            TalentFlows flows = flows(service);
            enrolled.forEach((id, person) -> assertThat(clearName(flows, id)).isEqualTo(person.name()));
            readsAndWritesWork(flows);
            ApiClient.Response erased = flows.institute.post("/api/enrollments/" + closedEnrollment + "/erasure",
                    "{\"requestReference\": \"PIPL-R-2\"}");
            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            service.getBean(ProjectionOperations.class).awaitCaughtUp("enrollments", PATIENCE);
            for (String id : List.of(closedEnrollment, erasedBefore)) {
                JsonNode person = flows.institute.get("/api/enrollments/" + id).json().path("person");
                assertThat(person.path("disclosure").asText()).isEqualTo("ERASED");
                assertThat(person.toString()).doesNotContain(toEraseAfter.name(), toEraseAfter.idNumber());
            }
            assertThat(operator(service).post(ROTATION, "").json().path("rule").asText())
                    .isEqualTo("master-key-rotation.no-previous-key");
        }
    }

    /**
     * Everyone enrolled so far reads in clear, a new person can apply, and a person already enrolled is still
     * recognised (same employer: refused), whichever master key wraps their data key at the moment.
     */
    private void readsAndWritesWork(TalentFlows flows) {
        enrolled.forEach((id, person) -> assertThat(clearName(flows, id)).isEqualTo(person.name()));
        PersonalData newcomer = TalentTestData.person();
        String id = flows.apply(employer, newcomer);
        Map.Entry<String, PersonalData> first = enrolled.entrySet().iterator().next();
        ApiClient.Response again = flows.applyFor(employer, first.getValue(), "MID_LEVEL", "INTELLIGENT_EQUIPMENT",
                TalentFlows.today().minusMonths(2));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("rule").asText()).isEqualTo("enrollment.person-already-enrolled");
        enrolled.put(id, newcomer);
        assertThat(clearName(flows, id)).isEqualTo(newcomer.name());
    }

    private static String clearName(TalentFlows flows, String enrollmentId) {
        return await().atMost(PATIENCE).until(() -> flows.institute.get("/api/enrollments/" + enrollmentId),
                response -> response.status() == 200).json().path("person").path("name").asText();
    }

    private static void reject(TalentFlows flows, String enrollmentId) {
        assertThat(flows.institute.post("/api/enrollments/" + enrollmentId + "/review",
                "{\"decision\": \"REJECT\", \"note\": \"材料不全\"}").status()).isEqualTo(200);
    }

    private static TalentFlows flows(ConfigurableApplicationContext service) {
        return new TalentFlows(port(service), service.getBean(ProjectionOperations.class));
    }

    private static ApiClient operator(ConfigurableApplicationContext service) {
        return ApiClient.on(port(service)).as(Role.OPERATOR);
    }

    private static int port(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    private ConfigurableApplicationContext start(String masterKey, String previousMasterKey, String pause) {
        return TalentPoolApplication.application().registerShutdownHook(false).run(ServiceArguments.onDatabase(
                KafkaAccess.TALENT, database,
                "--stb.talent.personal-data.master-key=" + masterKey,
                "--stb.talent.personal-data.previous-master-key=" + (previousMasterKey == null ? "" : previousMasterKey),
                "--stb.talent.personal-data.rotation.batch-size=2",
                "--stb.talent.personal-data.rotation.pause-between-batches=" + pause));
    }
}
