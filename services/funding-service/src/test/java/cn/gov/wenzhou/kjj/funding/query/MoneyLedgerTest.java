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
import org.springframework.context.ApplicationContext;
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
import static org.awaitility.Awaitility.await;

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
    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerChainer chainer;

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
        LedgerTestSupport.awaitChained(jdbc);

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
                        "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$DisbursementRequested",
                        "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$DisbursementApproved",
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
    void manyConcurrentMoneyCommandsEndInOneChainInIndexOrderWithNoGapNoDuplicateAndTheVerifierAgrees()
            throws Exception {
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Project project = funding.signedProject();
            ok(funding.disburse(project.projectId(), 1, null));
            projects.add(project);
        }
        List<Project> clientProjects = projects.subList(0, 4);
        List<Project> heldProjects = projects.subList(4, 7);
        int clients = 8;
        int commandsPerClient = 12;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch halfDone = new CountDownLatch(clients * commandsPerClient / 2);
        List<Future<List<ApiClient.Response>>> spent = new ArrayList<>();
        List<OpenMoneyTransaction> held = new ArrayList<>();
        try {
            // money transactions that stay open while the others commit around them, before and in the middle: the
            // chain must wait for each at its index, whatever commits after it
            held.add(OpenMoneyTransaction.expenditure(context, heldProjects.get(0).projectId(), 3_001L));
            held.add(OpenMoneyTransaction.expenditure(context, heldProjects.get(1).projectId(), 3_002L));
            for (int c = 0; c < clients; c++) {
                Project project = clientProjects.get(c % clientProjects.size());
                long base = 1_000L + c * 100L;
                Callable<List<ApiClient.Response>> client = () -> {
                    start.await();
                    List<ApiClient.Response> responses = new ArrayList<>();
                    for (int i = 0; i < commandsPerClient; i++) {
                        responses.add(funding.spend(project.projectId(), "OPERATING", base + i));
                        halfDone.countDown();
                    }
                    return responses;
                };
                spent.add(threads.submit(client));
            }
            start.countDown();
            await().atMost(LedgerTestSupport.PATIENCE).until(() -> halfDone.getCount() == 0);
            held.add(OpenMoneyTransaction.expenditure(context, heldProjects.get(2).projectId(), 3_003L));
            for (Future<List<ApiClient.Response>> client : spent) {
                client.get().forEach(FundingScenario::ok);
            }
            LedgerTestSupport.awaitRounds(chainer, 2);
            long firstHeld = held.stream().mapToLong(OpenMoneyTransaction::globalIndex).min().orElseThrow();
            assertThat(LedgerTestSupport.headPosition(jdbc)).as("no entry past an open money transaction's event")
                    .isLessThan(firstHeld);
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).commit(); // the last opened commits first
            }
        } finally {
            for (OpenMoneyTransaction transaction : held) {
                transaction.close();
            }
            threads.shutdownNow();
        }
        LedgerTestSupport.awaitChained(jdbc);

        List<long[]> rows = jdbc.query("select l.sequence, l.position, d.global_index from ledger_entry l "
                        + "left join domain_event_entry d on d.event_identifier = l.event_id order by l.sequence",
                (row, n) -> new long[]{row.getLong(1), row.getLong(2), row.getLong(3)});
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)[0]).as("sequences 1, 2, 3, ... without a gap").isEqualTo(i + 1);
            assertThat(rows.get(i)[1]).as("the entry's position is its event's global index").isEqualTo(rows.get(i)[2]);
            if (i > 0) {
                assertThat(rows.get(i)[1]).as("in global-index order").isGreaterThan(rows.get(i - 1)[1]);
            }
        }
        List<String> moneyEvents = jdbc.queryForList("select event_identifier from domain_event_entry where "
                + "payload_type in (" + LedgerTestSupport.MONEY_TYPES + ") order by global_index", String.class);
        assertThat(jdbc.queryForList("select event_id from ledger_entry order by sequence", String.class))
                .as("every money event once, none twice").isEqualTo(moneyEvents);
        SignedHead head = head();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(EventStoreCheck.check(connection, head, key()).message())
                    .startsWith("verified: " + head.sequence() + " entries");
        }
        assertThat(LedgerVerifier.verifyExport(reader(export()), head, key()).verified()).isTrue();
    }

    @Test
    void aProofOfAStoredMoneyEventNotChainedYetIs409NamingTheRuleAndIsGivenOnceItIsChained() throws Exception {
        Project held = funding.signedProject();
        ok(funding.disburse(held.projectId(), 1, null));
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        String eventId;
        try (OpenMoneyTransaction open = OpenMoneyTransaction.expenditure(context, held.projectId(), 4_000L)) {
            ok(funding.spend(project.projectId(), "OPERATING", 4_001L));
            eventId = jdbc.queryForObject("select event_identifier from domain_event_entry where aggregate_identifier "
                    + "= ? and payload_type like '%ExpenditureRecorded'", String.class, project.projectId());

            ApiClient.Response notYet = funding.auditor.get("/api/audit/ledger/proof/" + eventId);
            assertThat(notYet.status()).as(notYet.toString()).isEqualTo(409);
            assertThat(notYet.json().path("rule").asText()).isEqualTo("ledger.not-yet-chained");
            open.commit();
        }
        LedgerTestSupport.awaitEntry(jdbc, eventId);

        JsonNode proof = ok(funding.auditor.get("/api/audit/ledger/proof/" + eventId)).json();
        assertThat(MerkleTree.verifyInclusion(proof.get("leafIndex").asLong(), proof.get("treeSize").asLong(),
                Sha256.parseHex(proof.get("leafHash").asText(), "leaf"), hashes(proof.get("auditPath")),
                Sha256.parseHex(SignedHead.fromJson(proof.get("head")).rootHash(), "root"))).isTrue();
    }

    @Test
    void theAuditPathOfAMoneyEventLeadsToTheSignedRootAndALaterHeadExtendsAnEarlierOne() {
        Project project = funding.signedProject();
        SignedHead earlier = head();
        ok(funding.disburse(project.projectId(), 1, 250_000L));
        LedgerTestSupport.awaitChained(jdbc);
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
        LedgerTestSupport.awaitChained(jdbc);
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
        LedgerTestSupport.awaitChained(jdbc);
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
        LedgerTestSupport.awaitChained(jdbc);
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
        LedgerTestSupport.awaitChained(jdbc);
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
        LedgerTestSupport.awaitChained(jdbc);
        long last = lastSequence();

        Verification result = tampered("delete from ledger_entry where sequence > " + (last - 2));

        assertThat(result.badEntry()).isEqualTo(last - 1);
        assertThat(result.reason()).contains("truncated");
    }

    @Test
    void aTamperedDownloadedExportNamesTheEntry() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, 111_111L));
        LedgerTestSupport.awaitChained(jdbc);
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
        LedgerTestSupport.awaitChained(jdbc);
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
