package cn.gov.wenzhou.kjj.support.axon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenamedEventTypesTest {

    /** The shape a release stored: a record of its own. */
    public record QuotaSet(String poolId, int quota) {
    }

    /** The same record after the move into its aggregate's events interface. */
    public sealed interface PoolEvents {
        record QuotaSet(String poolId, int quota) implements PoolEvents {
        }
    }

    static final class PoolRenames extends RenamedEventTypes {
        PoolRenames() {
            super(Map.of(QuotaSet.class.getName(), PoolEvents.QuotaSet.class));
        }
    }

    @Test
    void anEventStoredUnderItsOldNameIsReadAsTheClassItMovedTo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stored.jsonl");
        StoredEventSamples.record(file, List.of(new QuotaSet("pool-1", 12)));
        Path resources = Path.of("target/test-classes/renamed-event-types");
        Files.createDirectories(resources);
        Files.copy(file, resources.resolve("stored.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        List<Object> read = StoredEventSamples.readAsCurrent("renamed-event-types/stored.jsonl",
                List.of(new PoolRenames()));

        assertThat(read).containsExactly(new PoolEvents.QuotaSet("pool-1", 12));
        assertThat(StoredEventSamples.storedPayloadOf(read.get(0)))
                .isEqualTo(StoredEventSamples.stored("renamed-event-types/stored.jsonl").get(0).payload());
    }

    @Test
    void anEventUnderItsCurrentNamePassesUnchanged() throws Exception {
        Path resources = Path.of("target/test-classes/renamed-event-types");
        Files.createDirectories(resources);
        StoredEventSamples.record(resources.resolve("current.jsonl"), List.of(new PoolEvents.QuotaSet("pool-2", 3)));

        assertThat(StoredEventSamples.readAsCurrent("renamed-event-types/current.jsonl", List.of(new PoolRenames())))
                .containsExactly(new PoolEvents.QuotaSet("pool-2", 3));
    }

    public record Budget(String category, long amountFen) {
    }

    public record Awarded(String projectId, int year, java.time.LocalDate awardedOn, List<Budget> budget,
                          java.util.Map<String, Long> shares, java.math.BigDecimal score) {
    }

    @Test
    void aSampleHasAValueInEveryComponentAndIsStoredAsTheReleaseStoresIt() throws Exception {
        Awarded sample = StoredEventSamples.sampleOf(Awarded.class);
        Path resources = Path.of("target/test-classes/renamed-event-types");
        Files.createDirectories(resources);
        StoredEventSamples.record(resources.resolve("sample.jsonl"), List.of(sample));

        assertThat(sample.budget()).singleElement().satisfies(line -> assertThat(line.category()).isNotBlank());
        assertThat(sample.shares()).hasSize(1);
        assertThat(StoredEventSamples.readAsCurrent("renamed-event-types/sample.jsonl", List.of()))
                .containsExactly(sample);
    }

    @Test
    void aRenameToItselfIsRefused() {
        assertThatThrownBy(() -> new RenamedEventTypes(Map.of(QuotaSet.class.getName(), QuotaSet.class)) {
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has not moved");
    }
}
