package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each way a record can break the contract is caught and named; a good record is read into its event. */
class EventReaderTest {

    private static final String PLATFORM_ID = "8f6a2b0e-3f1c-4a55-9d2e-6b1f0c7a9e21";
    private static final String PLATFORM_JSON = """
            {"platformId":"8f6a2b0e-3f1c-4a55-9d2e-6b1f0c7a9e21","creditCode":"91330300MA2H7K8L0G",
             "name":"温州智能装备研究院","district":"LUCHENG","industry":"INTELLIGENT_EQUIPMENT",
             "legalForm":"PRIVATE_NON_ENTERPRISE","leadModel":"LEADING_ENTERPRISE","registeredOn":"2024-03-15"}""";

    private final EventReader reader = new EventReader();

    @Test
    void readsAGoodRecordIntoItsEvent() {
        EventReader.Reading reading = reader.read(record(headers -> { }, PLATFORM_JSON));

        assertThat(reading).isInstanceOf(EventReader.Valid.class);
        EventReader.Valid valid = (EventReader.Valid) reading;
        assertThat(valid.id()).isEqualTo("event-1");
        assertThat(valid.subject()).isEqualTo(PLATFORM_ID);
        assertThat(valid.time()).isEqualTo("2025-06-30T02:15:00Z");
        assertThat(valid.event()).isEqualTo(new PlatformRegistered(PLATFORM_ID, "91330300MA2H7K8L0G", "温州智能装备研究院",
                "LUCHENG", "INTELLIGENT_EQUIPMENT", "PRIVATE_NON_ENTERPRISE", "LEADING_ENTERPRISE",
                LocalDate.of(2024, 3, 15)));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "ce_specversion | 0.3                  | ce_specversion must be 1.0, was 0.3",
            "ce_id          |                      | missing header ce_id",
            "ce_source      | not a uri            | ce_source is not a URI reference",
            "ce_time        | 30/06/2025           | ce_time is not an RFC 3339 timestamp",
            "ce_time        |                      | missing header ce_time",
            "ce_subject     | another-id           | ce_subject another-id differs from the key " + PLATFORM_ID,
            "content-type   | text/plain           | content-type must be application/json, was text/plain",
            "ce_dataschema  | https://example.org/x | ce_dataschema must be https://kjj.wenzhou.gov.cn/schemas/registry.platform.v1/PlatformRegistered.schema.json",
            "ce_type        | cn.gov.wenzhou.kjj.funding.call.v1.ChallengeCallOpened | belongs on funding.call.v1, not registry.platform.v1",
            "ce_type        |                      | missing header ce_type"})
    void namesEachBrokenHeader(String header, String value, String problem) {
        EventReader.Reading reading = reader.read(record(headers -> headers.put(header, value == null ? "" : value),
                PLATFORM_JSON));

        assertThat(reading).isInstanceOf(EventReader.Invalid.class);
        assertThat(((EventReader.Invalid) reading).problems()).anySatisfy(text -> assertThat(text).contains(problem));
    }

    @Test
    void namesEverySchemaViolationOfTheData() {
        String broken = PLATFORM_JSON.replace("\"91330300MA2H7K8L0G\"", "\"12345\"")
                .replace("\"2024-03-15\"", "\"15.03.2024\"");

        EventReader.Reading reading = reader.read(record(headers -> { }, broken));

        assertThat(reading).isInstanceOf(EventReader.Invalid.class);
        assertThat(((EventReader.Invalid) reading).problems()).singleElement().asString()
                .startsWith("data violates PlatformRegistered.schema.json")
                .contains("creditCode")
                .contains("registeredOn");
    }

    @Test
    void refusesDataThatIsNotJsonOrMissing() {
        assertThat(((EventReader.Invalid) reader.read(record(headers -> { }, "{not json"))).problems())
                .anySatisfy(text -> assertThat(text).startsWith("data is not JSON"));
        assertThat(((EventReader.Invalid) reader.read(record(headers -> { }, null))).problems())
                .containsExactly("no data");
    }

    @Test
    void toleratesATypeThisBuildDoesNotKnow() {
        EventReader.Reading reading = reader.read(record(headers ->
                headers.put(CloudEventHeaders.TYPE, "cn.gov.wenzhou.kjj.registry.platform.v1.PlatformRenamed"), "{}"));

        assertThat(reading).isEqualTo(new EventReader.UnknownType("cn.gov.wenzhou.kjj.registry.platform.v1.PlatformRenamed"));
    }

    @Test
    void readsEveryTopicsEventsNotJustTheRegistrys() {
        String json = """
                {"callId":"c-1","year":2025,"title":"2025年度揭榜挂帅","openedOn":"2025-02-10"}""";
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.FUNDING_CALL_V1, 0, 0L, "c-1",
                json.getBytes(StandardCharsets.UTF_8));
        Broker.headersFor(ChallengeCallOpened.class, "c-1", "event-2").forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));

        assertThat(reader.read(record)).isInstanceOfSatisfying(EventReader.Valid.class, valid ->
                assertThat(valid.event()).isEqualTo(new ChallengeCallOpened("c-1", 2025, "2025年度揭榜挂帅",
                        LocalDate.of(2025, 2, 10))));
    }

    /** A record as the registry publishes a PlatformRegistered, after {@code change} edits its headers. */
    private static ConsumerRecord<String, byte[]> record(Consumer<Map<String, String>> change, String json) {
        Map<String, String> headers = Broker.headersFor(PlatformRegistered.class, PLATFORM_ID, "event-1");
        headers.put(CloudEventHeaders.TIME, "2025-06-30T02:15:00Z");
        change.accept(headers);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.REGISTRY_PLATFORM_V1, 0, 0L, PLATFORM_ID,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return record;
    }
}
