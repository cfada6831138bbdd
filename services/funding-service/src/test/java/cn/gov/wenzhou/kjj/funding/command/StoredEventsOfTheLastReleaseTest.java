package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.axon.StoredEventSamples;
import cn.gov.wenzhou.kjj.support.axon.StoredEventSamples.Stored;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One event of every type, as the release of 2026-12-03 stored it (recorded with that release's classes), read by the
 * current code through funding's upcasters in the order the event store applies them.
 */
class StoredEventsOfTheLastReleaseTest {

    static final String RELEASE = "stored-events/release-2026-12-03.jsonl";

    static final FundingEventRenames RENAMES = new FundingEventRenames();
    /** In the order the event store applies them (the renames first). */
    static final List<EventUpcaster> UPCASTERS = List.of(RENAMES, new ProjectAwardedUpcaster());

    /** Types whose payload an upcaster changes: their readings are checked by their own upcaster's test. */
    private static final Set<String> RESHAPED = Set.of(ProjectEvents.ProjectAwarded.class.getName());

    @Test
    void everyEventOfTheLastReleaseIsReadAsItsCurrentClass() {
        List<Stored> stored = StoredEventSamples.stored(RELEASE);
        List<Object> read = StoredEventSamples.readAsCurrent(RELEASE, UPCASTERS);

        assertThat(read).hasSameSizeAs(stored);
        for (int i = 0; i < stored.size(); i++) {
            String current = RENAMES.currentNameByStoredName().getOrDefault(stored.get(i).type(), stored.get(i).type());
            assertThat(read.get(i).getClass().getName()).as(stored.get(i).type()).isEqualTo(current);
        }
    }

    @Test
    void anEventWhosePayloadDidNotChangeReadsBackToTheStoredPayload() {
        List<Stored> stored = StoredEventSamples.stored(RELEASE);
        List<Object> read = StoredEventSamples.readAsCurrent(RELEASE, UPCASTERS);

        for (int i = 0; i < stored.size(); i++) {
            if (!RESHAPED.contains(read.get(i).getClass().getName())) {
                assertThat(StoredEventSamples.storedPayloadOf(read.get(i))).as(stored.get(i).type())
                        .isEqualTo(stored.get(i).payload());
            }
        }
    }

    @Test
    void theRecordingHoldsEveryRenamedType() {
        assertThat(StoredEventSamples.stored(RELEASE)).extracting(Stored::type)
                .containsAll(RENAMES.currentNameByStoredName().keySet());
    }

    @Test
    void noStoredNameOfTheRenamesStillNamesAClassOfItsOwn() {
        for (String storedName : RENAMES.currentNameByStoredName().keySet()) {
            assertThatThrownBy(() -> Class.forName(storedName)).as(storedName)
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }
}
