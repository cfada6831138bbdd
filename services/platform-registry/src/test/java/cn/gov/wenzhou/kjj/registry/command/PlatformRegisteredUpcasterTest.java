package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.axon.AxonJson;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformRegisteredUpcasterTest {

    /** Exactly what the first release stored (payload_revision null): no industry-table version. */
    private static final String REVISION_1_JSON = """
            {"platformId":"0b9e7c1e-2f6a-4e8a-9d43-5c1f2a7b8e90","creditCode":"91330300MA2H7K8L0G",\
            "name":"温州智能装备研究院","district":"LUCHENG","industry":"INTELLIGENT_EQUIPMENT",\
            "legalForm":"PRIVATE_NON_ENTERPRISE","leadModel":"LEADING_ENTERPRISE","hosts":["温州大学"],\
            "registeredOn":"2024-03-15"}""";

    private final Serializer events = JacksonSerializer.builder().objectMapper(AxonJson.eventMapper()).build();

    @Test
    void firstReleaseRegistrationIsReadAsRevisionTwoWithTheTableItWasResolvedAgainst() {
        IntermediateEventRepresentation stored = stored(REVISION_1_JSON, null);

        List<IntermediateEventRepresentation> upcast = new PlatformRegisteredUpcaster()
                .upcast(Stream.of(stored)).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(PlatformRegistered.REVISION);
        PlatformRegistered registered = events.deserialize(upcast.get(0).getData());
        assertThat(registered.industryTableVersion()).isEqualTo("2023.1");
        assertThat(registered).isEqualTo(new PlatformRegistered("0b9e7c1e-2f6a-4e8a-9d43-5c1f2a7b8e90",
                "91330300MA2H7K8L0G", "温州智能装备研究院", District.LUCHENG, "INTELLIGENT_EQUIPMENT", "2023.1",
                LegalForm.PRIVATE_NON_ENTERPRISE, LeadModel.LEADING_ENTERPRISE, List.of("温州大学"),
                LocalDate.of(2024, 3, 15)));
    }

    @Test
    void revisionTwoRegistrationPassesUnchanged() {
        String revision2 = REVISION_1_JSON.replace("\"legalForm\"", "\"industryTableVersion\":\"2025.1\",\"legalForm\"");
        IntermediateEventRepresentation stored = stored(revision2, PlatformRegistered.REVISION);

        IntermediateEventRepresentation upcast = new PlatformRegisteredUpcaster().upcast(Stream.of(stored))
                .findFirst().orElseThrow();

        PlatformRegistered registered = events.deserialize(upcast.getData());
        assertThat(registered.industryTableVersion()).isEqualTo("2025.1");
    }

    @Test
    void currentRegistrationsAreWrittenAsRevisionTwo() {
        SerializedObject<byte[]> written = events.serialize(new PlatformRegistered("p", "91330300MA2H7K8L0G", "n",
                District.OUHAI, "PUMPS_VALVES", "2023.1", LegalForm.ENTERPRISE, LeadModel.GOVERNMENT, List.of(),
                LocalDate.of(2025, 1, 2)), byte[].class);
        assertThat(written.getType().getRevision()).isEqualTo(PlatformRegistered.REVISION);
    }

    private IntermediateEventRepresentation stored(String json, String revision) {
        SimpleSerializedObject<byte[]> payload = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(PlatformRegistered.class.getName(), revision));
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Platform",
                "0b9e7c1e-2f6a-4e8a-9d43-5c1f2a7b8e90", 0, "e-1", "2024-03-15T02:00:00Z",
                payload.getType().getName(), revision, payload.getData(), "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, events);
    }
}
