package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What the daily sweep asks of the money ledger's checkpoints ({@link LedgerCheckpoints}). */
public sealed interface LedgerCheckpointsCommands {

    public record RecordLedgerCheckpoint(@TargetAggregateIdentifier String ledgerId, LocalDate businessDate,
                                         long sequence, String entryHash, String rootHash, String at,
                                         String algorithm, String keyId, String publicKey, String signature)
            implements LedgerCheckpointsCommands {
    }
}
