package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest(properties = SupportTestApplication.CONFIG)
class EventStoreOnPostgresTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void payloadTokenAndSagaColumnsAreByteaNotLargeObjects() {
        List<String> types = jdbc.queryForList("""
                select data_type from information_schema.columns
                where column_name in ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')""", String.class);
        assertThat(types).hasSizeGreaterThanOrEqualTo(9).containsOnly("bytea");
    }

    @Test
    void tokenUpdatesNeverLeaveOrphanedLargeObjects() {
        for (int i = 0; i < 5; i++) {
            commands.sendAndWait(new Ledger.OpenLedger(UUID.randomUUID().toString(), "ledger " + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from token_entry where processor_name = 'kafka-publisher' and token is not null",
                Long.class) > 0);
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void globalIndexSequenceHandsOutOneNumberAtATime() {
        assertThat(jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void hibernateTakesOneSequenceValuePerEventInsteadOfPreallocatingABlock() {
        commands.sendAndWait(new Ledger.OpenLedger(UUID.randomUUID().toString(), "sequence check"));
        Long lastValue = jdbc.queryForObject("select last_value from domain_event_entry_seq", Long.class);
        Long maxIndex = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(lastValue).isEqualTo(maxIndex);
    }

    @Test
    void concurrentWritersLeaveNoGapsInTheGlobalIndex() throws Exception {
        Long before = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Object>> writes = IntStream.range(0, 80)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> commands.sendAndWait(
                            new Ledger.OpenLedger(UUID.randomUUID().toString(), "concurrent " + i)), writers))
                    .toList();
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get();
        } finally {
            writers.shutdown();
        }
        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where global_index > ? order by global_index",
                Long.class, before);
        assertThat(indexes).hasSize(80);
        assertThat(indexes.get(indexes.size() - 1) - indexes.get(0)).isEqualTo(79);
    }

    @Test
    void eventsAreStoredAsPlainJsonNamedByTheirRecordType() throws Exception {
        String ledgerId = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(ledgerId, "json check"));
        commands.sendAndWait(new Ledger.Post(ledgerId, 12_345));

        List<byte[]> payloads = jdbc.queryForList(
                "select payload from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                byte[].class, ledgerId);
        List<String> types = jdbc.queryForList(
                "select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, ledgerId);

        JsonNode posted = new ObjectMapper().readTree(payloads.get(1));
        assertThat(types).containsExactly(Ledger.LedgerOpened.class.getName(), Ledger.Posted.class.getName());
        assertThat(posted.get("amountFen").asLong()).isEqualTo(12_345);
        assertThat(posted.get("balanceFen").asLong()).isEqualTo(12_345);
    }
}
