package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.command.DailyLedgerCheckpoint;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationJson;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.ledger.CanonicalJson;
import cn.gov.wenzhou.kjj.ledger.EventStoreCheck;
import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import cn.gov.wenzhou.kjj.ledger.LedgerVerifier;
import cn.gov.wenzhou.kjj.ledger.MerkleTree;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import cn.gov.wenzhou.kjj.ledger.SignedHead;
import cn.gov.wenzhou.kjj.ledger.Verification;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.StringReader;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money ledger on real PostgreSQL: chained in event order once per event, signed, exported, proven, and every
 * kind of tampering named by the verifier. Tampering runs in a transaction the check rolls back.
 */
@FundingIntegrationTest
class MoneyLedgerTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DailyLedgerCheckpoint checkpoints;

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    @Test
    void everyMoneyEventIsChainedOnceInEventOrderAndTheExportVerifiesAgainstTheSignedHead() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        ok(funding.spend(project.projectId(), "OPERATING", 12_345L));

        SignedHead head = head();
        String export = export();
        Verification verified = LedgerVerifier.verifyExport(reader(export), head, key());

        assertThat(verified.message()).startsWith("verified: " + head.sequence() + " entries");
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry", Long.class)).isEqualTo(head.sequence());
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type in ("
                + String.join(",", LedgerEntries.MONEY_EVENT_TYPES.stream().map(t -> "'" + t + "'").toList())
                + ")", Long.class)).as("every money event, once").isEqualTo(head.sequence());
        List<String> ofProject = jdbc.queryForList("select entry from ledger_entry where entry like ? "
                + "order by sequence", String.class, "%\"aggregateId\":\"" + project.projectId() + "\"%");
        assertThat(ofProject).extracting(e -> CanonicalJson.parse(e).get("type").asText())
                .containsExactly("cn.gov.wenzhou.kjj.funding.command.ProjectEvents$ProjectAwarded",
                        "cn.gov.wenzhou.kjj.funding.command.PaymentApprovals$DisbursementRequested",
                        "cn.gov.wenzhou.kjj.funding.command.PaymentApprovals$DisbursementApproved",
                        "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$TrancheDisbursed",
                        "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$ExpenditureRecorded");
        assertThat(CanonicalJson.parse(ofProject.get(3)).get("actorRole").asText()).isEqualTo("FUNDING_OFFICER");
        assertThat(CanonicalJson.parse(ofProject.get(3)).get("actor").asText()).isEqualTo(FundingScenario.APPROVER);
        assertThat(CanonicalJson.parse(ofProject.get(3)).at("/payload/requestedBy").asText())
                .isEqualTo("test-funding_officer");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(EventStoreCheck.check(connection, head, key()).verified()).isTrue();
        }
    }

    @Test
    void concurrentMoneyEventsChainInOneOrderWithNoGapAndNoFork() throws Exception {
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Project project = funding.signedProject();
            ok(funding.disburse(project.projectId(), 1, null));
            projects.add(project);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> spent = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                Project project = projects.get(i % projects.size());
                long amount = 1_000L + i;
                Callable<ApiClient.Response> spend = () -> {
                    start.await();
                    return funding.spend(project.projectId(), "OPERATING", amount);
                };
                spent.add(threads.submit(spend));
            }
            start.countDown();
            for (Future<ApiClient.Response> response : spent) {
                ok(response.get());
            }
        } finally {
            threads.shutdownNow();
        }

        List<long[]> rows = jdbc.query("select sequence, position from ledger_entry order by sequence",
                (row, n) -> new long[]{row.getLong(1), row.getLong(2)});
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)[0]).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(rows.get(i)[1]).isGreaterThan(rows.get(i - 1)[1]);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            assertThat(EventStoreCheck.check(connection, head(), key()).message()).startsWith("verified");
        }
    }

    @Test
    void theAuditPathOfAMoneyEventLeadsToTheSignedRootAndALaterHeadExtendsAnEarlierOne() {
        Project project = funding.signedProject();
        SignedHead earlier = head();
        ok(funding.disburse(project.projectId(), 1, 250_000L));
        String eventId = jdbc.queryForObject("select event_id from ledger_entry order by sequence desc limit 1",
                String.class);

        JsonNode proof = ok(funding.auditor.get("/api/audit/ledger/proof/" + eventId)).json();
        SignedHead head = SignedHead.fromJson(proof.get("head"));
        assertThat(head.verifiesWith(key())).isTrue();
        assertThat(MerkleTree.verifyInclusion(proof.get("leafIndex").asLong(), proof.get("treeSize").asLong(),
                Sha256.parseHex(proof.get("leafHash").asText(), "leaf"), hashes(proof.get("auditPath")),
                Sha256.parseHex(head.rootHash(), "root"))).isTrue();

        JsonNode consistency = ok(funding.auditor.get("/api/audit/ledger/consistency?from=" + earlier.sequence()))
                .json();
        assertThat(MerkleTree.verifyConsistency(earlier.sequence(), head.sequence(),
                Sha256.parseHex(earlier.rootHash(), "earlier"), Sha256.parseHex(head.rootHash(), "later"),
                hashes(consistency.get("proof")))).isTrue();
        assertThat(funding.auditor.get("/api/audit/ledger/proof/no-such-event").status()).isEqualTo(404);
        ApiClient.Response tooLarge = funding.auditor.get("/api/audit/ledger/proof/" + eventId + "?treeSize="
                + (head.sequence() + 1));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("treeSize");
    }

    @Test
    void aMoneyEventChangedInTheEventStoreIsNamed() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, 123_456L));
        long sequence = lastSequence();

        Verification result = tampered("update domain_event_entry set payload = convert_to(replace("
                + "convert_from(payload, 'UTF8'), '123456', '923456'), 'UTF8') where event_identifier = "
                + "(select event_id from ledger_entry where sequence = " + sequence + ")");

        assertThat(result.badEntry()).isEqualTo(sequence);
        assertThat(result.reason()).contains("differs between the ledger and the event store at payload.amountFen");
    }

    @Test
    void aMoneyEventChangedInTheLedgerTableIsNamed() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, 123_457L));
        long sequence = lastSequence();

        Verification result = tampered("update ledger_entry set entry = replace(entry, '123457', '923457') "
                + "where sequence = " + sequence);

        assertThat(result.badEntry()).isEqualTo(sequence);
        assertThat(result.reason()).contains("was changed");
    }

    @Test
    void aDeletedEntryAndADeletedEventAreNamed() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        long sequence = lastSequence();

        assertThat(tampered("delete from ledger_entry where sequence = " + sequence).badEntry())
                .isEqualTo(sequence);
        Verification eventDeleted = tampered("delete from domain_event_entry where event_identifier = "
                + "(select event_id from ledger_entry where sequence = " + (sequence - 1) + ")");
        assertThat(eventDeleted.badEntry()).isEqualTo(sequence - 1);
        assertThat(eventDeleted.reason()).contains("an event was deleted, added or moved");
    }

    @Test
    void twoReorderedEntriesAreNamed() throws Exception {
        funding.signedProject();
        funding.signedProject();
        long last = lastSequence();

        // swap the contents of the last two rows (through a free sequence number: event ids are unique)
        Verification result = tampered(
                "update ledger_entry set sequence = -1 where sequence = " + (last - 1),
                "update ledger_entry set sequence = " + (last - 1) + " where sequence = " + last,
                "update ledger_entry set sequence = " + last + " where sequence = -1");

        assertThat(result.badEntry()).isEqualTo(last - 1);
    }

    @Test
    void aTruncatedTailIsNamed() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        ok(funding.spend(project.projectId(), "LABOUR", 5_000L));
        long last = lastSequence();

        Verification result = tampered("delete from ledger_entry where sequence > " + (last - 2));

        assertThat(result.badEntry()).isEqualTo(last - 1);
        assertThat(result.reason()).contains("truncated");
    }

    @Test
    void aTamperedDownloadedExportNamesTheEntry() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, 111_111L));
        long sequence = jdbc.queryForObject("select min(sequence) from ledger_entry where entry like ?", Long.class,
                "%\"amountFen\":111111%"); // the request's entry: the first to name the amount
        SignedHead head = head();

        String export = export().replace("\"amountFen\":111111", "\"amountFen\":111112");
        Verification result = LedgerVerifier.verifyExport(reader(export), head, key());

        assertThat(result.badEntry()).isEqualTo(sequence);
        assertThat(funding.officer.get("/api/audit/ledger/export").status())
                .as("the export is finance's").isEqualTo(403);
    }

    @Test
    void theDailyCheckpointIsRecordedOncePerDateAndPublishedAsSigned() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        LocalDate day = LocalDate.of(2099, 6, 30); // after any date the sweep records while the test runs

        SignedHead recorded = checkpoints.checkpoint(day).orElseThrow();
        assertThat(checkpoints.checkpoint(day)).as("a second sweep of the day").isEmpty();

        ConsumerRecord<String, byte[]> published = TopicRecords.awaitMatching(
                RealInfrastructure.kafka().adminProperties(), Topics.FUNDING_LEDGER_V1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"2099-06-30\""),
                Duration.ofSeconds(30)).get(0);
        assertThat(published.key()).isEqualTo("money-ledger");
        JsonNode checkpoint = IntegrationJson.mapper().readTree(published.value());
        SignedHead copy = SignedHead.fromJson(checkpoint);
        assertThat(copy).isEqualTo(recorded);
        assertThat(copy.verifiesWith(key())).isTrue();
        assertThat(LedgerVerifier.verifyExport(reader(export()), copy, key()).verified()).isTrue();
    }

    private Verification tampered(String... statements) throws Exception {
        SignedHead head = head();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
            }
            Verification result = EventStoreCheck.check(connection, head, key()); // rolls the tampering back
            connection.rollback();
            assertThat(result.verified()).as(result.message()).isFalse();
            return result;
        }
    }

    private long lastSequence() {
        return jdbc.queryForObject("select max(sequence) from ledger_entry", Long.class);
    }

    private SignedHead head() {
        return SignedHead.fromJson(ok(funding.auditor.get("/api/audit/ledger/head")).json());
    }

    private PublicKey key() {
        return SignedHead.publicKey(ok(funding.auditor.get("/api/audit/ledger/public-key")).body());
    }

    private String export() {
        ApiClient.Response response = ok(funding.auditor.get("/api/audit/ledger/export"));
        assertThat(response.headers().getFirst("Ledger-Sequence")).isNotNull();
        return response.body();
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }

    private static List<byte[]> hashes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(h -> Sha256.parseHex(h.asText(), "hash")).toList();
    }
}
