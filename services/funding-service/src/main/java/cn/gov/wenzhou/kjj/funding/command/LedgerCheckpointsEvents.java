package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;

/**
 * What happened to the money ledger's checkpoints ({@link LedgerCheckpoints}). Stored by earlier releases as
 * {@code LedgerCheckpoints$LedgerCheckpointRecorded}: {@link FundingEventRenames} reads that name as this record.
 */
public sealed interface LedgerCheckpointsEvents {

    public record LedgerCheckpointRecorded(String ledgerId, LocalDate businessDate, long sequence, String entryHash,
                                           String rootHash, String at, String algorithm, String keyId,
                                           String publicKey, String signature) implements LedgerCheckpointsEvents {
    }
}
