package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.FundingApplication;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.ledger.EventStoreCheck;
import cn.gov.wenzhou.kjj.ledger.LedgerVerifier;
import cn.gov.wenzhou.kjj.ledger.MerkleTree;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import cn.gov.wenzhou.kjj.ledger.SignedHead;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.ServiceArguments;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.StringReader;
import java.security.PublicKey;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service restarted on the same database (a new application context, as after a deployment or a crash): the new
 * chainer continues the chain after the old head, without a fork, and first chains what was stored while no chainer
 * ran. A database of its own, so that the shared test context's chainer never touches it.
 */
class LedgerRestartTest {

    private final String database = "ledger_restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void aRestartedServiceContinuesTheChainWithoutAForkAndFirstChainsWhatWasStoredWhileNoChainerRan()
            throws Exception {
        RealInfrastructure.postgres().createDatabase(database);
        String projectId;
        SignedHead before;
        List<String> hashesBefore;
        long storedWhileStopped;

        try (ConfigurableApplicationContext service = start()) {
            FundingScenario funding = new FundingScenario(port(service));
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            Project project = funding.signedProject();
            projectId = project.projectId();
            ok(funding.disburse(projectId, 1, null));
            LedgerTestSupport.awaitChained(jdbc);
            before = head(funding);
            hashesBefore = entryHashes(jdbc);
            assertThat(hashesBefore).hasSize((int) before.sequence());

            // the chainer stops, as in a crash between a command's commit and its chaining
            service.getBean(LedgerChainer.class).stop();
            ok(funding.spend(projectId, "OPERATING", 7_001L));
            ok(funding.spend(projectId, "LABOUR", 7_002L));
            storedWhileStopped = LedgerTestSupport.unchained(jdbc);
            assertThat(storedWhileStopped).as("stored, not chained").isPositive();
            // finance and operators see the lag: the status, the metric, and the health past the (here tiny) bound
            JsonNode status = ok(funding.auditor.get("/api/audit/ledger/status")).json();
            assertThat(status.path("unchained").asLong()).isEqualTo(storedWhileStopped);
            assertThat(status.path("sequence").asLong()).isEqualTo(before.sequence());
            assertThat(status.path("oldestUnchainedStoredAt").asText()).isNotBlank();
            assertThat(status.path("behind").asBoolean()).isTrue();
            assertThat(service.getBean(MeterRegistry.class).get(LedgerLag.UNCHAINED).gauge().value())
                    .isEqualTo((double) storedWhileStopped);
            Health health = service.getBean(LedgerLag.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(health.getDetails()).containsEntry("unchained", Long.toString(storedWhileStopped));
        }

        try (ConfigurableApplicationContext service = start()) {
            FundingScenario funding = new FundingScenario(port(service));
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            LedgerTestSupport.awaitChained(jdbc);
            JsonNode caughtUp = ok(funding.auditor.get("/api/audit/ledger/status")).json();
            assertThat(caughtUp.path("unchained").asLong()).isZero();
            assertThat(caughtUp.path("behind").asBoolean()).isFalse();
            assertThat(service.getBean(LedgerLag.class).health().getStatus().getCode()).isEqualTo("UP");
            ok(funding.spend(projectId, "OPERATING", 7_003L));
            LedgerTestSupport.awaitChained(jdbc);
            SignedHead after = head(funding);
            PublicKey key = SignedHead.publicKey(ok(funding.auditor.get("/api/audit/ledger/public-key")).body());

            assertThat(after.sequence()).isGreaterThan(before.sequence() + storedWhileStopped);
            List<String> hashesAfter = entryHashes(jdbc);
            assertThat(hashesAfter.subList(0, (int) before.sequence())).as("the entries before the restart, unchanged")
                    .isEqualTo(hashesBefore);
            JsonNode consistency = ok(funding.auditor.get("/api/audit/ledger/consistency?from=" + before.sequence()))
                    .json();
            assertThat(MerkleTree.verifyConsistency(before.sequence(), after.sequence(),
                    Sha256.parseHex(before.rootHash(), "earlier"), Sha256.parseHex(after.rootHash(), "later"),
                    hashes(consistency.get("proof")))).as("the later head extends the earlier one: no fork").isTrue();
            try (Connection connection = service.getBean(DataSource.class).getConnection()) {
                assertThat(EventStoreCheck.check(connection, after, key).message())
                        .startsWith("verified: " + after.sequence() + " entries")
                        .as("nothing left unchained").endsWith("matches the event store");
            }
            String export = ok(funding.auditor.get("/api/audit/ledger/export")).body();
            assertThat(LedgerVerifier.verifyExport(new BufferedReader(new StringReader(export)), after, key)
                    .verified()).isTrue();
        }
    }

    private static SignedHead head(FundingScenario funding) {
        return SignedHead.fromJson(ok(funding.auditor.get("/api/audit/ledger/head")).json());
    }

    private static List<String> entryHashes(JdbcTemplate jdbc) {
        return jdbc.queryForList("select encode(entry_hash, 'hex') from ledger_entry order by sequence", String.class);
    }

    private static List<byte[]> hashes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(h -> Sha256.parseHex(h.asText(), "hash")).toList();
    }

    private static int port(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    private ConfigurableApplicationContext start() {
        // with Spring's shutdown hook: run on its own, this test's JVM has no other context to enable it, and without
        // it the embedded PostgreSQL outlives the JVM (RealInfrastructure stops it from that hook)
        // a lag alert bound of a millisecond: any money event waiting for its entry makes the ledger's health DEGRADED
        return FundingApplication.application().run(ServiceArguments.onDatabase(KafkaAccess.FUNDING, database,
                "--stb.funding.ledger.lag-alert-after=1ms"));
    }
}
