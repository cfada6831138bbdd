package cn.gov.wenzhou.kjj.support.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gov.wenzhou.kjj.support.ops.RebuildStatusHeaderFilter;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild that cannot finish (its projection fails on one event and does not park it) is FAILED, naming that event,
 * in the projection's status and once in the log; it does not block the next rebuild, and it can be cancelled, which
 * leaves the processor running. After the fix, a rebuild catches up and reproduces the rows.
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class StuckRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PROJECTION = "/ops/projections/" + LedgerNames.NAME;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    LedgerNames ledgerNames;
    @Autowired
    DataSource dataSource;

    ApiClient operator;
    ListAppender<ILoggingEvent> log;
    String poison;
    String rows;

    @BeforeEach
    void setUp() {
        operator = ApiClient.on(port).as("OPERATOR");
        poison = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            commands.sendAndWait(new Ledger.OpenLedger(i == 2 ? poison : UUID.randomUUID().toString(), "stuck " + i));
        }
        await().atMost(PATIENCE).until(() -> {
            JsonNode status = operator.get(PROJECTION).json();
            return "RUNNING".equals(status.path("state").asText()) && status.path("lag").asLong() == 0
                    && !"REBUILDING".equals(status.path("rebuild").path("outcome").asText());
        });
        rows = TableChecksums.of(dataSource, "ledger_name");
        log = new ListAppender<>();
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ledgerNames.failOn(null);
        logger().detachAppender(log);
        if ("FAILED".equals(operator.get(PROJECTION).json().path("rebuild").path("outcome").asText())) {
            operator.post(PROJECTION + "/rebuild/cancel", null);
        }
    }

    @Test
    void aStuckRebuildNamesTheEventOnceAndCanBeCancelledLeavingTheProjectionRunning() {
        ledgerNames.failOn(poison);
        assertThat(operator.post(PROJECTION + "/rebuild", null).status()).isEqualTo(202);

        JsonNode failed = awaitOutcome("FAILED");
        JsonNode event = failed.path("rebuild").path("failedEvent");
        assertThat(event.path("aggregateId").asText()).isEqualTo(poison);
        assertThat(event.path("eventType").asText()).isEqualTo("LedgerOpened");
        assertThat(event.path("globalIndex").asLong()).isGreaterThan(failed.path("position").asLong());
        assertThat(event.path("cause").asText()).contains("IllegalStateException");
        assertThat(failed.path("failedEvent").path("eventId").asText()).isEqualTo(event.path("eventId").asText());

        // Axon retries it (after 1 s, 2 s, …): the log says it once, and says no progress while there is none
        await().atMost(PATIENCE).until(() -> lines("is stuck").size() == 1);
        int progressLines = lines(LedgerNames.NAME + ": ").size();
        int failuresSoFar = ledgerNames.failures();
        await().atMost(PATIENCE).until(() -> ledgerNames.failures() >= failuresSoFar + 2);
        assertThat(lines("is stuck")).hasSize(1);
        assertThat(lines("is stuck").get(0)).contains(poison).contains("LedgerOpened");
        assertThat(lines(LedgerNames.NAME + ": ")).hasSize(progressLines);

        ApiClient.Response cancelled = operator.post(PROJECTION + "/rebuild/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("rebuild").path("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(processing.eventProcessor(LedgerNames.NAME).map(EventProcessor::isRunning)).contains(true);
        assertThat(operator.get("/ops/projections").headers().getFirst(RebuildStatusHeaderFilter.HEADER)).isNull();
        assertThat(lines("cancelled")).hasSize(1);
        assertThat(operator.post(PROJECTION + "/rebuild/cancel", null).body())
                .contains("projection.no-rebuild-in-progress");

        ledgerNames.failOn(null);
        assertThat(operator.post(PROJECTION + "/rebuild", null).status()).isEqualTo(202);
        awaitOutcome("FINISHED");
        assertThat(TableChecksums.of(dataSource, "ledger_name")).isEqualTo(rows);
    }

    @Test
    void aStuckRebuildDoesNotBlockTheNextOneWhichCatchesUpAfterTheFix() {
        ledgerNames.failOn(poison);
        assertThat(operator.post(PROJECTION + "/rebuild", null).status()).isEqualTo(202);
        awaitOutcome("FAILED");

        ledgerNames.failOn(null);
        ApiClient.Response again = operator.post(PROJECTION + "/rebuild", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        JsonNode finished = awaitOutcome("FINISHED");
        assertThat(finished.path("state").asText()).isEqualTo("RUNNING");
        assertThat(finished.path("failedEvent").isNull() || finished.path("failedEvent").isMissingNode()).isTrue();
        assertThat(TableChecksums.of(dataSource, "ledger_name")).isEqualTo(rows);
        assertThat(lines("finished")).hasSize(1);
    }

    private JsonNode awaitOutcome(String outcome) {
        JsonNode[] status = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            status[0] = operator.get(PROJECTION).json();
            return outcome.equals(status[0].path("rebuild").path("outcome").asText());
        });
        return status[0];
    }

    private List<String> lines(String containing) {
        List<ILoggingEvent> events;
        synchronized (log) { // the appender appends under its own lock, from the processors' threads
            events = List.copyOf(log.list);
        }
        return events.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains(LedgerNames.NAME) && line.contains(containing))
                .toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(ProjectionOperations.class);
    }
}
