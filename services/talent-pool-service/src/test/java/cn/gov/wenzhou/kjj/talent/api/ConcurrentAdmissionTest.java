package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PoolQuotaSet;
import cn.gov.wenzhou.kjj.talent.command.RetryingCommands;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.SetPoolQuota;
import cn.gov.wenzhou.kjj.talent.command.StaffingPool;
import cn.gov.wenzhou.kjj.talent.command.TalentCommandConfiguration;
import cn.gov.wenzhou.kjj.talent.command.TitleLevel;
import cn.gov.wenzhou.kjj.talent.query.PoolStatusProjection;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pool is the consistency boundary for posts: real threads, the real stack, the real database. */
@TalentIntegrationTest
class ConcurrentAdmissionTest {

    @LocalServerPort
    int port;
    @Autowired
    RetryingCommands commands;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    @Qualifier(TalentCommandConfiguration.POOL_CACHE)
    Cache poolCache;
    TalentFlows flows;

    @BeforeEach
    void setUp() {
        flows = new TalentFlows(port, projections);
    }

    /** How often a shed admission is sent again before the test gives up on the service deciding it. */
    private static final int SHED_RETRIES = 5;

    @Test
    void hundredConcurrentAdmissionsForTenFreePostsAdmitExactlyTenAndRefuseTheRestForTheQuota() throws Exception {
        String employer = TalentTestData.creditCode();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(approvedThroughCommands(employer));
        }
        int takenBefore = flows.freePosts(10);

        ExecutorService threads = Executors.newFixedThreadPool(ids.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> admissions = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (String id : ids) {
                admissions.add(threads.submit(() -> {
                    start.await();
                    return flows.admit(id);
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            int shed = 0;
            for (int i = 0; i < ids.size(); i++) {
                ApiClient.Response response = admissions.get(i).get(3, TimeUnit.MINUTES);
                // a loaded machine may shed a request (503 with Retry-After, nothing stored: the fault suite checks
                // that); the caller sends it again, as told, until it has the service's decision
                for (int attempt = 0; response.status() == 503 && attempt < SHED_RETRIES; attempt++) {
                    assertThat(response.headers().getFirst("Retry-After")).as(response.toString()).isNotNull();
                    shed++;
                    response = flows.admit(ids.get(i));
                }
                responses.add(response);
            }
            System.out.printf("100 concurrent admissions answered in %d ms (%d shed and sent again)%n",
                    (System.nanoTime() - started) / 1_000_000, shed);

            assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(10)
                    .allSatisfy(r -> assertThat(r.json().path("state").asText()).isEqualTo("ADMITTED"));
            assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(90)
                    .allSatisfy(r -> assertThat(r.json().path("rule").asText()).isEqualTo("pool.quota-exhausted"));
        } finally {
            threads.shutdownNow();
        }
        assertThat(eventsOf("%PostTaken", ids)).isEqualTo(10);
        assertThat(eventsOf("%HireAdmitted", ids)).isEqualTo(10);
        assertThat(flows.taken()).isEqualTo(takenBefore + 10);
        assertThat(flows.institute.get("/api/pool/status/" + TalentFlows.today().getYear()).json().path("free")
                .asInt()).isZero();
    }

    @Test
    void anAdmissionIsRetriedWhenAnotherInstanceChangedThePoolBehindThisOnesCache() {
        flows.freePosts(2);
        flows.admitted(TalentTestData.creditCode(), TalentTestData.person());
        String second = flows.approved(TalentTestData.creditCode(), TalentTestData.person());
        long last = eventStore.lastSequenceNumberFor(StaffingPool.WENZHOU).orElseThrow();
        new TransactionTemplate(transactions).executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>(StaffingPool.class.getSimpleName(), StaffingPool.WENZHOU, last + 1,
                        new PoolQuotaSet(StaffingPool.WENZHOU, 2099, 5, 0, "another instance", TalentFlows.today()))));

        ch.qos.logback.classic.Logger retries = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(RetryingCommands.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> retried =
                new ch.qos.logback.core.read.ListAppender<>();
        retried.start();
        retries.addAppender(retried);
        ApiClient.Response admitted;
        try {
            admitted = flows.admit(second);
        } finally {
            retries.detachAppender(retried);
        }

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(retried.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.startsWith("AdmitHire lost a concurrent append; retrying"));
        assertThat(jdbc.queryForObject("select sequence_number from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like '%PostTaken' and convert_from(payload, 'UTF8') like ?", Long.class,
                StaffingPool.WENZHOU, "%" + second + "%")).isEqualTo(last + 2);
    }

    @Test
    void thePoolIsSnapshottedSoAColdLoadReadsASnapshotAndAShortTail() {
        long before = snapshotSequence();
        for (int posts = 0; posts < 60; posts++) {
            commands.send(new SetPoolQuota(StaffingPool.WENZHOU, 2098, posts, "snapshot test", TalentFlows.today()));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotSequence() > before);
        String snapshot = jdbc.queryForObject("select convert_from(payload, 'UTF8') from snapshot_event_entry"
                + " where aggregate_identifier = ?", String.class, StaffingPool.WENZHOU);
        assertThat(snapshot).contains("quotaByYear", "heldBy").doesNotContain("Ciphertext");
        projections.awaitCaughtUp(PoolStatusProjection.NAME, Duration.ofSeconds(30));
        assertThat(flows.institute.get("/api/pool/status/2098").json().path("quota").asInt()).isEqualTo(59);

        assertThat(eventStore.readEvents(StaffingPool.WENZHOU).peek().getPayload())
                .as("a readable snapshot heads the pool's stream").isInstanceOf(StaffingPool.class);
        poolCache.removeAll();
        commands.send(new SetPoolQuota(StaffingPool.WENZHOU, 2098, 7, "after a cold load", TalentFlows.today()));
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry"
                + " where aggregate_identifier = ? order by sequence_number desc limit 1", String.class,
                StaffingPool.WENZHOU)).contains("\"previousPosts\":59", "after a cold load");
    }

    private String approvedThroughCommands(String employer) {
        String id = UUID.randomUUID().toString();
        LocalDate today = TalentFlows.today();
        commands.send(new EnrollmentCommands.ApplyForEnrollment(id, employer, TalentTestData.person(), null,
                today.minusMonths(1), TitleLevel.MID_LEVEL, "INTELLIGENT_EQUIPMENT", today));
        commands.send(new EnrollmentCommands.ReviewApplication(id,
                EnrollmentCommands.ReviewDecision.FORWARD_TO_COUNCIL, null, today));
        commands.send(new EnrollmentCommands.RecordCouncilDecision(id, EnrollmentCommands.CouncilDecision.APPROVE,
                "温人才院理〔2026〕1号", null, today));
        return id;
    }

    private long eventsOf(String payloadType, List<String> enrollmentIds) {
        return enrollmentIds.stream().mapToLong(id -> jdbc.queryForObject("select count(*) from domain_event_entry"
                        + " where payload_type like ? and convert_from(payload, 'UTF8') like ?", Long.class,
                payloadType, "%" + id + "%")).sum();
    }

    private long snapshotSequence() {
        return jdbc.queryForObject("select coalesce(max(sequence_number), -1) from snapshot_event_entry"
                + " where aggregate_identifier = ?", Long.class, StaffingPool.WENZHOU);
    }
}
