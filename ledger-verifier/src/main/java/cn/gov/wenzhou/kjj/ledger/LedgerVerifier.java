package cn.gov.wenzhou.kjj.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * Recomputes a ledger from its export and checks it against a signed head: every entry's sequence, its place in the
 * event store, its hash chained to the one before, and, at the head's sequence, the entry hash and the Merkle root the
 * service signed. Stops at the first entry that does not match and says why. Streams: memory stays flat whatever the
 * number of entries.
 */
public final class LedgerVerifier {

    private final SignedHead head;
    private final PublicKey key;

    private long expected = 1;
    private byte[] previous = HashChain.GENESIS;
    private long previousPosition = Long.MIN_VALUE;
    private final Frontier tree = Frontier.empty();
    private byte[] hashAtHead;
    private byte[] rootAtHead;
    private Verification failure;

    public LedgerVerifier(SignedHead head, PublicKey key) {
        this.head = head;
        this.key = key;
    }

    /** Verifies a JSON-lines export (one {@link LedgerEntries#exportLine} per line). */
    public static Verification verifyExport(BufferedReader export, SignedHead head, PublicKey key) {
        LedgerVerifier verifier = new LedgerVerifier(head, key);
        if (!head.verifiesWith(key)) {
            return Verification.bad(0, 0, "the head's signature does not verify with the key " + SignedHead.keyIdOf(key)
                    + " (head names key " + head.keyId() + ")");
        }
        try {
            String line;
            long lineNumber = 0;
            while ((line = export.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode parsed;
                try {
                    parsed = CanonicalJson.parse(line);
                } catch (IllegalArgumentException e) {
                    return Verification.bad(verifier.expected - 1, verifier.expected,
                            "line " + lineNumber + " is not JSON");
                }
                JsonNode entry = parsed.get("entry");
                JsonNode hash = parsed.get("entryHash");
                if (entry == null || !entry.isObject() || hash == null || !hash.isTextual()) {
                    return Verification.bad(verifier.expected - 1, verifier.expected,
                            "line " + lineNumber + " is not a ledger entry (entry, entryHash)");
                }
                byte[] stored;
                try {
                    stored = Sha256.parseHex(hash.asText(), "entryHash");
                } catch (IllegalArgumentException e) {
                    return Verification.bad(verifier.expected - 1, verifier.expected, e.getMessage());
                }
                if (!verifier.accept(entry, stored)) {
                    return verifier.failure;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return verifier.finish();
    }

    /** Takes the next entry with its stored hash; false when it does not match ({@link #failure} says why). */
    boolean accept(JsonNode entry, byte[] storedHash) {
        JsonNode sequenceNode = entry.get("sequence");
        long sequence = sequenceNode == null || !sequenceNode.canConvertToExactIntegral() ? -1 : sequenceNode.asLong();
        if (sequence != expected) {
            if (sequence > expected) {
                return fail(expected, "is missing: the entry after " + (expected - 1) + " is " + sequence
                        + " (deleted or moved)");
            }
            return fail(expected, "holds entry " + sequence + " instead: entries are out of order or repeated");
        }
        JsonNode positionNode = entry.get("position");
        long position = positionNode == null ? Long.MIN_VALUE : positionNode.asLong();
        if (position <= previousPosition) {
            return fail(sequence, "its event (position " + position + " of the event store) comes before the event "
                    + "of entry " + (sequence - 1) + " (position " + previousPosition + "): entries were reordered");
        }
        byte[] canonical;
        try {
            canonical = CanonicalJson.bytes(entry);
        } catch (IllegalArgumentException e) {
            return fail(sequence, "is not a canonical ledger entry: " + e.getMessage());
        }
        byte[] computed = HashChain.next(previous, canonical);
        if (!Arrays.equals(computed, storedHash)) {
            // the entries before chained correctly, so either this one changed or, when its predecessor's hash was
            // recomputed after a change, that one did: the export alone cannot tell (the event-store check can)
            return fail(sequence, "its content and the hash before it do not give its stored hash "
                    + Sha256.hex(storedHash) + ": the entry was changed"
                    + (sequence > 1 ? ", or entry " + (sequence - 1) + " was changed and its hash recomputed" : ""));
        }
        tree.append(MerkleTree.leafHash(canonical));
        if (sequence == head.sequence()) {
            hashAtHead = computed;
            rootAtHead = tree.root();
        }
        previous = computed;
        previousPosition = position;
        expected++;
        return true;
    }

    /** After the last entry: does the ledger reach the signed head, and match it there? */
    Verification finish() {
        long entries = expected - 1;
        if (entries < head.sequence()) {
            return Verification.bad(entries, entries + 1, "is missing: the ledger ends at entry " + entries
                    + " but the signed head has " + head.sequence() + " (truncated)");
        }
        if (head.sequence() == 0) {
            boolean empty = Sha256.hex(HashChain.GENESIS).equals(head.entryHash())
                    && Sha256.hex(MerkleTree.emptyRoot()).equals(head.rootHash());
            return empty ? Verification.ok(entries, head.entryHash())
                    : Verification.bad(entries, 0, "the signed head of an empty ledger is not the genesis");
        }
        if (!Sha256.hex(hashAtHead).equals(head.entryHash())) {
            return Verification.bad(entries, head.sequence(), "its hash " + Sha256.hex(hashAtHead)
                    + " differs from the signed head's " + head.entryHash()
                    + ": the chain up to it was rewritten (check it against the event store to find where)");
        }
        if (!Sha256.hex(rootAtHead).equals(head.rootHash())) {
            return Verification.bad(entries, head.sequence(), "the Merkle root of entries 1.." + head.sequence()
                    + " differs from the signed head's");
        }
        return Verification.ok(entries, head.entryHash());
    }

    private boolean fail(long entry, String reason) {
        failure = Verification.bad(expected - 1, entry, reason);
        return false;
    }

    Verification failureOrNull() {
        return failure;
    }
}
