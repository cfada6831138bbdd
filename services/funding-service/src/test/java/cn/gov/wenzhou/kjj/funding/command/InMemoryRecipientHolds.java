package cn.gov.wenzhou.kjj.funding.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link RecipientHolds} for fixture tests: one store for every project of a test, as the service's table is. */
final class InMemoryRecipientHolds implements RecipientHolds {

    private final Map<String, Hold> open = new LinkedHashMap<>();

    @Override
    public void started(Hold hold) {
        open.put(hold.projectId() + "/" + hold.obligationId(), hold);
    }

    @Override
    public void lifted(String projectId, String obligationId) {
        open.remove(projectId + "/" + obligationId);
    }

    @Override
    public List<Hold> openElsewhere(String recipientCreditCode, String projectId) {
        List<Hold> holds = new ArrayList<>(open.values().stream()
                .filter(h -> h.recipientCreditCode().equals(recipientCreditCode) && !h.projectId().equals(projectId))
                .toList());
        holds.sort(Comparator.comparing(Hold::dueOn));
        return holds;
    }

    List<Hold> all() {
        return List.copyOf(open.values());
    }
}
