package cn.gov.wenzhou.kjj.contracts.funding;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.PublishedAs;
import cn.gov.wenzhou.kjj.contracts.Topics;

import java.time.LocalDate;

/**
 * The daily checkpoint of funding-service's money ledger: its signed head on a business date. A subscriber that keeps
 * these copies can tell a rewritten ledger from the real one: the head of a later day must extend every earlier head
 * (a consistency proof, GET /api/audit/ledger/consistency), and no rewrite can keep the signed hashes.
 *
 * @param at        the instant the head was signed, ISO-8601 UTC, exactly as signed
 * @param signature Ed25519 over the RFC 8785 bytes of {at, entryHash, keyId, ledger, rootHash, sequence}, base64
 */
@PublishedAs(topic = Topics.FUNDING_LEDGER_V1, name = "LedgerCheckpointed")
public record LedgerCheckpointed(
        String ledgerId,
        LocalDate businessDate,
        long sequence,
        String entryHash,
        String rootHash,
        String at,
        String algorithm,
        String keyId,
        String publicKey,
        String signature) implements IntegrationEvent {
}
