package cn.gov.wenzhou.kjj.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A ledger of made-up money events, exported and signed the way funding-service does it. */
final class TestLedger {

    final KeyPair key;
    final List<String> lines = new ArrayList<>();
    private byte[] last = HashChain.GENESIS;
    private final Frontier tree = Frontier.empty();

    TestLedger(int entries) {
        try {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 1; i <= entries; i++) {
            append(i);
        }
    }

    static StoredEvent event(long position) {
        String payload = """
                {"projectId": "p-%d", "trancheNumber": 1, "amountFen": %d, "documentRef": "拨-\\"%d\\"",
                 "disbursedOn": "2025-06-01"}""".formatted(position % 7, 100_000 + position, position);
        return new StoredEvent(position * 3, "event-" + position,
                "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$TrancheDisbursed", "p-" + position % 7, position,
                "2025-06-01T02:00:00Z", payload.getBytes(StandardCharsets.UTF_8),
                "{\"actor\": \"officer-1\", \"actorRole\": \"FUNDING_OFFICER\", \"traceId\": \"x\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void append(long sequence) {
        String entry = CanonicalJson.text(LedgerEntries.entry(sequence, event(sequence)));
        byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
        last = HashChain.next(last, bytes);
        tree.append(MerkleTree.leafHash(bytes));
        lines.add(LedgerEntries.exportLine(entry, last));
    }

    SignedHead head() {
        return sign(tree.size(), Sha256.hex(last), Sha256.hex(tree.root()));
    }

    SignedHead sign(long sequence, String entryHash, String rootHash) {
        String keyId = SignedHead.keyIdOf(key.getPublic());
        String at = "2025-06-02T00:00:00Z";
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(SignedHead.signedBytes(sequence, entryHash, rootHash, at, keyId));
            return new SignedHead(sequence, entryHash, rootHash, at, SignedHead.ALGORITHM, keyId,
                    Base64.getEncoder().encodeToString(key.getPublic().getEncoded()),
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String export() {
        return String.join("\n", lines) + "\n";
    }
}
