package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.support.axon.StoredEventSamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every event type as the release of 2026-12-03 stored it (recorded with that release's classes and serializer, one
 * file a record, before they moved into {@link PlatformEvents} and {@link PlatformRecordEvents}) reads as its current
 * class, through the service's upcasters in the order the service runs them; no payload changed shape, so each is
 * stored again exactly as it was.
 */
class StoredEventsOfTheLastReleaseTest {

    private static final String RELEASE = "stored-events/release-2026-12-03.jsonl";
    private static final String BEFORE = "cn.gov.wenzhou.kjj.registry.command.";

    private static List<Object> readAsCurrent() {
        return StoredEventSamples.readAsCurrent(RELEASE,
                List.of(new RegistryEventRenames(), new PlatformRegisteredUpcaster()));
    }

    @Test
    void everyEventTheLastReleaseStoredReadsAsItsCurrentClassWithItsPayloadUnchanged() {
        List<StoredEventSamples.Stored> stored = StoredEventSamples.stored(RELEASE);
        List<Object> read = readAsCurrent();

        assertThat(read).hasSameSizeAs(stored);
        for (int i = 0; i < read.size(); i++) {
            String storedName = stored.get(i).type();
            assertThat(read.get(i).getClass().getName()).as(storedName).isIn(
                    PlatformEvents.class.getName() + "$" + storedName.substring(BEFORE.length()),
                    PlatformRecordEvents.class.getName() + "$" + storedName.substring(BEFORE.length()));
            assertThat(StoredEventSamples.storedPayloadOf(read.get(i))).as(storedName)
                    .isEqualTo(stored.get(i).payload());
        }
    }

    @Test
    void everyEventTypeOfTheRegistryWasRecordedAndEveryRecordedTypeIsRenamed() {
        List<String> recorded = StoredEventSamples.stored(RELEASE).stream().map(StoredEventSamples.Stored::type)
                .toList();
        List<String> current = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(PlatformEvents.class.getPermittedSubclasses()),
                        java.util.Arrays.stream(PlatformRecordEvents.class.getPermittedSubclasses()))
                .map(type -> BEFORE + type.getSimpleName()).toList();

        assertThat(recorded).containsExactlyInAnyOrderElementsOf(current);
        assertThat(new RegistryEventRenames().currentNameByStoredName()).containsOnlyKeys(recorded);
    }

    @Test
    void noStoredNameStillNamesAClassOfItsOwn() {
        for (String storedName : new RegistryEventRenames().currentNameByStoredName().keySet()) {
            assertThatThrownBy(() -> Class.forName(storedName)).as(storedName)
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }
}
