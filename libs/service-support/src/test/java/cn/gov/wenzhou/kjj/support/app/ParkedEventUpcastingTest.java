package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.axon.RenamedEventTypes;
import cn.gov.wenzhou.kjj.support.projection.ParkedEventUpcasting;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon reads parked events without the upcasters; an event parked by the last release under a name or revision that
 * has since changed is brought to the current shape where it lies, so that a retry can read it.
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class ParkedEventUpcastingTest {

    private static final String OLD_NAME = "cn.gov.wenzhou.kjj.support.app.Posted";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    ApplicationContext context;

    static final class LedgerRenames extends RenamedEventTypes {
        LedgerRenames() {
            super(Map.of(OLD_NAME, Ledger.Posted.class));
        }
    }

    @Test
    void anEventParkedUnderItsOldNameIsRewrittenAsTheClassItIsNowAndOthersAreLeftAlone() {
        String renamed = park(OLD_NAME, "{\"ledgerId\":\"l-1\",\"amountFen\":100,\"balanceFen\":100}");
        String current = park(Ledger.Posted.class.getName(), "{\"ledgerId\":\"l-2\",\"amountFen\":5,\"balanceFen\":5}");

        int rewritten = new ParkedEventUpcasting(jdbc, List.of(new LedgerRenames()), eventSerializer)
                .upcastParkedEvents();

        assertThat(rewritten).isEqualTo(1);
        assertThat(typeOf(renamed)).isEqualTo(Ledger.Posted.class.getName());
        assertThat(typeOf(current)).isEqualTo(Ledger.Posted.class.getName());
        Ledger.Posted read = eventSerializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                jdbc.queryForObject("select payload from dead_letter_entry where dead_letter_id = ?", byte[].class,
                        renamed), byte[].class, Ledger.Posted.class.getName(), null));
        assertThat(read).isEqualTo(new Ledger.Posted("l-1", 100, 100));
    }

    @Test
    void everyServiceBringsItsParkedEventsUpToDateAtStart() {
        assertThat(context.getBeansOfType(ParkedEventUpcasting.class)).hasSize(1);
    }

    private String park(String payloadType, String json) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                insert into dead_letter_entry (dead_letter_id, enqueued_at, sequence_index, sequence_number,
                    payload, meta_data, aggregate_identifier, event_identifier, message_type, payload_type,
                    processing_group, sequence_identifier, time_stamp, type)
                values (?, now(), 0, 0, ?, '\\x7b7d', ?, ?, 'org.axonframework.eventhandling.GenericDomainEventMessage',
                    ?, 'parked-upcasting-test', ?, '2026-12-01T02:00:00Z', 'Ledger')""",
                id, json.getBytes(StandardCharsets.UTF_8), id, UUID.randomUUID().toString(), payloadType, id);
        return id;
    }

    private String typeOf(String deadLetterId) {
        return jdbc.queryForObject("select payload_type from dead_letter_entry where dead_letter_id = ?",
                String.class, deadLetterId);
    }
}
