package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectEvents.ProjectAwarded;
import cn.gov.wenzhou.kjj.support.axon.AxonJson;
import cn.gov.wenzhou.kjj.support.axon.StoredEventSamples;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The award as the release of 2026-12-03 stored it (recorded with that release's classes), read as revision 2. */
class ProjectAwardedUpcasterTest {

    private static final String RELEASE = StoredEventsOfTheLastReleaseTest.RELEASE;
    private static final String TYPE = ProjectAwarded.class.getName();

    @Test
    void anAwardStoredByTheLastReleaseIsReadAsRevisionTwoWithEveryFactInItsGroup() {
        ProjectAwarded read = readAsCurrent().stream().filter(ProjectAwarded.class::isInstance)
                .map(ProjectAwarded.class::cast).findFirst().orElseThrow();

        LocalDate on = LocalDate.of(2026, 3, 2);
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertThat(read).isEqualTo(new ProjectAwarded("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", "密封材料攻关",
                new AwardRecipient("91330300MA2H7K8L0G", null, List.of("0b9e7c1e-2f6a-4e8a-9d43-5c1f2a7b8e90")),
                new AwardMoney(2_000_000L, 2_000_000L),
                new BudgetPlan("THREE-CATEGORY-2021", List.of(
                        new BudgetLine("EQUIPMENT", CategoryKind.EQUIPMENT, 1_000_000L),
                        new BudgetLine("BUSINESS", CategoryKind.DIRECT, 2_820_000L),
                        new BudgetLine("INDIRECT", CategoryKind.INDIRECT, 180_000L)), 180_000L, List.of(
                        new Tranche(1, Milestone.CONTRACT, 50, 1_000_000L),
                        new Tranche(2, Milestone.MID_TERM, 30, 600_000L),
                        new Tranche(3, Milestone.ACCEPTANCE, 20, 400_000L))),
                new BalanceRules("RETAINED", "RETURNED"),
                new AwardDecision("7a6b5c4d-3e2f-4101-9203-a4b5c6d7e8f9", "application-1", "2021.1",
                        "温科项〔2026〕1号", on.plusDays(35), List.of(sha))));
    }

    @Test
    void theUpcasterKeepsEveryStoredFieldAndAddsNone() {
        ObjectNode stored = (ObjectNode) StoredEventSamples.stored(RELEASE).stream()
                .filter(event -> event.type().equals(TYPE)).findFirst().orElseThrow().payload();

        ObjectNode grouped = ProjectAwardedUpcaster.grouped(stored.deepCopy());

        List<JsonNode> storedValues = new ArrayList<>();
        stored.elements().forEachRemaining(storedValues::add);
        List<JsonNode> groupedValues = new ArrayList<>();
        grouped.elements().forEachRemaining(value -> {
            if (value.isObject()) {
                value.elements().forEachRemaining(groupedValues::add);
            } else {
                groupedValues.add(value);
            }
        });
        assertThat(groupedValues).containsExactlyInAnyOrderElementsOf(storedValues);
    }

    @Test
    void anAwardStoredBeforeEvidenceDocumentsExistedReadsWithNone() {
        ObjectNode stored = (ObjectNode) StoredEventSamples.stored(RELEASE).stream()
                .filter(event -> event.type().equals(TYPE)).findFirst().orElseThrow().payload().deepCopy();
        stored.remove("evidence");

        ObjectNode grouped = ProjectAwardedUpcaster.grouped(stored);

        assertThat(read(grouped).decision().evidence()).isEmpty();
    }

    @Test
    void anAwardIsNowWrittenAsRevisionTwo() {
        ProjectAwarded awarded = FundedProjectTest.awarded();

        SerializedObject<String> written = StoredEventSamples.eventSerializer().serialize(awarded, String.class);

        assertThat(written.getType().getRevision()).isEqualTo(ProjectAwarded.REVISION);
    }

    private static List<Object> readAsCurrent() {
        return StoredEventSamples.readAsCurrent(RELEASE, StoredEventsOfTheLastReleaseTest.UPCASTERS);
    }

    private static ProjectAwarded read(ObjectNode payload) {
        try {
            return AxonJson.eventMapper().treeToValue(payload, ProjectAwarded.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
