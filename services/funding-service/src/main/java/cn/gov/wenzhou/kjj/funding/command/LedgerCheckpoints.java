package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.LedgerCheckpointsCommands.RecordLedgerCheckpoint;
import cn.gov.wenzhou.kjj.funding.command.LedgerCheckpointsEvents.LedgerCheckpointRecorded;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money ledger's daily checkpoints: one signed head per business date, each at least as long as the one before.
 * The head is signed by the caller (the sweep, from the ledger's state); this aggregate keeps the rule that a day has
 * one checkpoint and that the ledger never shrinks, so two instances sweeping at once record it once.
 */
@Aggregate
public class LedgerCheckpoints {

    /** funding-service keeps one ledger. */
    public static final String LEDGER_ID = "money-ledger";
    /** Far above any number of money events (a city's century of vouchers). */
    public static final long MAX_SEQUENCE = 1_000_000_000_000L;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private String ledgerId;
    private LocalDate lastDate;
    private long lastSequence;

    protected LedgerCheckpoints() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordLedgerCheckpoint command) {
        Bounds.within(command.sequence(), 0, MAX_SEQUENCE, "sequence");
        for (String[] hash : new String[][]{{command.entryHash(), "entryHash"}, {command.rootHash(), "rootHash"},
                {command.keyId(), "keyId"}}) {
            if (hash[0] == null || !HASH.matcher(hash[0]).matches()) {
                throw new InvalidInputException(hash[1], "must be a SHA-256 hash in lower-case hex");
            }
        }
        if (lastDate != null && !command.businessDate().isAfter(lastDate)) {
            throw new RuleViolationException("ledger.checkpoint-already-recorded", "the ledger's checkpoint of "
                    + lastDate + " is recorded; the next one is for a later business date");
        }
        if (command.sequence() < lastSequence) {
            throw new RuleViolationException("ledger.checkpoint-behind", "the last checkpoint had " + lastSequence
                    + " entries; a ledger never shrinks, this head has " + command.sequence());
        }
        apply(new LedgerCheckpointRecorded(command.ledgerId(), command.businessDate(), command.sequence(),
                command.entryHash(), command.rootHash(), command.at(), command.algorithm(), command.keyId(),
                command.publicKey(), command.signature()));
    }

    @EventSourcingHandler
    void on(LedgerCheckpointRecorded event) {
        ledgerId = event.ledgerId();
        lastDate = event.businessDate();
        lastSequence = event.sequence();
    }
}
