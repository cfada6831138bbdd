package cn.gov.wenzhou.kjj.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * What the money ledger chains, defined once (docs/funding-service.md, "The money ledger"). An entry is the JSON
 * object
 * <pre>{"actor", "actorRole", "aggregateId", "aggregateSequence", "eventId", "payload", "position", "recordedAt",
 *  "sequence", "type"}</pre>
 * made from the stored event: its payload as stored (parsed, then canonical), who caused it (the {@code actor} and
 * {@code actorRole} of its metadata, null when absent), its identity and place in the store, and its place in the
 * ledger ({@code sequence}, from 1). The bytes hashed are the entry's RFC 8785 form ({@link CanonicalJson}).
 */
public final class LedgerEntries {

    /**
     * The money events: every award, disbursement, expenditure, budget adjustment, recovery and balance settlement,
     * and every step of a payment's approval, by the type name the event store records — under every name a release
     * has stored it by, since stored events keep theirs.
     */
    public static final List<String> MONEY_EVENT_TYPES = List.of(
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$ProjectAwarded",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$TrancheDisbursed",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$ExpenditureRecorded",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$BudgetAdjusted",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$FundsRecovered",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$ProjectClosed",
            "cn.gov.wenzhou.kjj.funding.command.PaymentApprovals$DisbursementRequested",
            "cn.gov.wenzhou.kjj.funding.command.PaymentApprovals$DisbursementApproved",
            "cn.gov.wenzhou.kjj.funding.command.PaymentApprovals$DisbursementRejected",
            "cn.gov.wenzhou.kjj.funding.command.PaymentApprovals$DisbursementEscalated",
            "cn.gov.wenzhou.kjj.funding.command.PaymentApprovals$DisbursementRequestExpired",
            "cn.gov.wenzhou.kjj.funding.command.PaymentApprovals$DelegationLimitSet",
            // the same approval events since they joined their aggregates' events (issue 13); a store keeps both
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$DisbursementRequested",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$DisbursementApproved",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$DisbursementRejected",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$DisbursementEscalated",
            "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$DisbursementRequestExpired",
            "cn.gov.wenzhou.kjj.funding.command.ApproverDelegationEvents$DelegationLimitSet");

    private static final Set<String> MONEY = Set.copyOf(MONEY_EVENT_TYPES);

    private LedgerEntries() {
    }

    public static boolean isMoneyEvent(String storedType) {
        return MONEY.contains(storedType);
    }

    /** The entry of a stored money event at {@code sequence} of the ledger. */
    public static ObjectNode entry(long sequence, StoredEvent event) {
        JsonNode metadata = event.metadata() == null ? null : CanonicalJson.parse(event.metadata());
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("sequence", sequence);
        entry.put("eventId", event.eventId());
        entry.put("position", event.position());
        entry.put("type", event.type());
        entry.put("aggregateId", event.aggregateId());
        entry.put("aggregateSequence", event.aggregateSequence());
        entry.put("recordedAt", event.recordedAt());
        entry.set("actor", text(metadata, "actor"));
        entry.set("actorRole", text(metadata, "actorRole"));
        entry.set("payload", CanonicalJson.parse(event.payload()));
        return entry;
    }

    private static JsonNode text(JsonNode metadata, String key) {
        JsonNode value = metadata == null ? null : metadata.get(key);
        return value == null || value.isNull() ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.textNode(value.asText());
    }

    /** One line of a ledger export: {@code {"entry": …, "entryHash": "hex"}}, canonical, without the newline. */
    public static String exportLine(String canonicalEntry, byte[] entryHash) {
        return "{\"entry\":" + canonicalEntry + ",\"entryHash\":\"" + Sha256.hex(entryHash) + "\"}";
    }
}
