package cn.gov.wenzhou.kjj.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerVerifierTest {

    private final TestLedger ledger = new TestLedger(20);

    @Test
    void anUntouchedExportVerifiesAgainstItsSignedHead() {
        Verification result = verify(ledger.lines, ledger.head());

        assertThat(result.verified()).isTrue();
        assertThat(result.message()).isEqualTo("verified: 20 entries, head " + ledger.head().entryHash());
    }

    @Test
    void anExportNewerThanTheHeadVerifiesUpToTheHead() {
        SignedHead atTwelve = headAfter(12);

        assertThat(verify(ledger.lines, atTwelve).verified()).isTrue();
    }

    @Test
    void aChangedEntryIsNamed() {
        List<String> lines = new ArrayList<>(ledger.lines);
        lines.set(6, lines.get(6).replace("\"amountFen\":100007", "\"amountFen\":900007"));

        Verification result = verify(lines, ledger.head());

        assertThat(result.verified()).isFalse();
        assertThat(result.badEntry()).isEqualTo(7);
        assertThat(result.message()).contains("entry 7", "was changed");
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedIsNamedWithTheEntryAfterIt() {
        List<String> lines = new ArrayList<>(ledger.lines);
        ObjectNode entry = (ObjectNode) CanonicalJson.parse(lines.get(6)).get("entry");
        ((ObjectNode) entry.get("payload")).put("amountFen", 900_007L);
        byte[] previous = Sha256.parseHex(CanonicalJson.parse(lines.get(5)).get("entryHash").asText(), "hash");
        lines.set(6, LedgerEntries.exportLine(CanonicalJson.text(entry),
                HashChain.next(previous, CanonicalJson.bytes(entry))));

        Verification result = verify(lines, ledger.head());

        assertThat(result.badEntry()).isEqualTo(8);
        assertThat(result.reason()).contains("entry 7 was changed and its hash recomputed");
    }

    @Test
    void aDeletedEntryIsNamed() {
        List<String> lines = new ArrayList<>(ledger.lines);
        lines.remove(9);

        Verification result = verify(lines, ledger.head());

        assertThat(result.badEntry()).isEqualTo(10);
        assertThat(result.reason()).contains("missing", "deleted");
    }

    @Test
    void twoReorderedEntriesAreNamed() {
        List<String> lines = new ArrayList<>(ledger.lines);
        Collections.swap(lines, 3, 4);

        Verification result = verify(lines, ledger.head());

        assertThat(result.badEntry()).isEqualTo(4);
        assertThat(result.reason()).contains("the entry after 3 is 5", "moved");
    }

    @Test
    void twoEntriesSwappedWithTheirSequencesRewrittenNameTheFirst() {
        List<String> lines = new ArrayList<>(ledger.lines);
        ObjectNode fourth = (ObjectNode) CanonicalJson.parse(lines.get(3)).get("entry");
        ObjectNode fifth = (ObjectNode) CanonicalJson.parse(lines.get(4)).get("entry");
        fourth.put("sequence", 5);
        fifth.put("sequence", 4);
        lines.set(3, LedgerEntries.exportLine(CanonicalJson.text(fifth), new byte[32]));
        lines.set(4, LedgerEntries.exportLine(CanonicalJson.text(fourth), new byte[32]));

        Verification result = verify(lines, ledger.head());

        assertThat(result.badEntry()).isEqualTo(4);
        assertThat(result.reason()).contains("was changed");
    }

    @Test
    void aTruncatedTailIsNamed() {
        Verification result = verify(ledger.lines.subList(0, 15), ledger.head());

        assertThat(result.badEntry()).isEqualTo(16);
        assertThat(result.reason()).contains("truncated", "20");
    }

    @Test
    void aRewrittenChainIsCaughtByTheSignedHead() {
        List<String> forged = new ArrayList<>();
        byte[] last = HashChain.GENESIS;
        for (String line : ledger.lines) {
            ObjectNode entry = (ObjectNode) CanonicalJson.parse(line).get("entry");
            if (entry.get("sequence").asLong() == 3) {
                ((ObjectNode) entry.get("payload")).put("amountFen", 1L);
            }
            last = HashChain.next(last, CanonicalJson.bytes(entry));
            forged.add(LedgerEntries.exportLine(CanonicalJson.text(entry), last));
        }

        Verification result = verify(forged, ledger.head());

        assertThat(result.verified()).isFalse();
        assertThat(result.badEntry()).isEqualTo(20);
        assertThat(result.reason()).contains("differs from the signed head", "rewritten");
    }

    @Test
    void aHeadSignedByAnotherKeyIsRefused() throws Exception {
        Verification result = LedgerVerifier.verifyExport(reader(ledger.lines), ledger.head(),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());

        assertThat(result.verified()).isFalse();
        assertThat(result.message()).contains("signature does not verify");
    }

    @Test
    void aHeadWhoseNumbersWereEditedIsRefused() {
        SignedHead head = ledger.head();
        SignedHead edited = new SignedHead(15, head.entryHash(), head.rootHash(), head.at(), head.algorithm(),
                head.keyId(), head.publicKey(), head.signature());

        assertThat(verify(ledger.lines, edited).message()).contains("signature does not verify");
    }

    private SignedHead headAfter(int entries) {
        List<String> lines = ledger.lines.subList(0, entries);
        Frontier tree = Frontier.empty();
        String last = null;
        for (String line : lines) {
            tree.append(MerkleTree.leafHash(CanonicalJson.bytes(CanonicalJson.parse(line).get("entry"))));
            last = CanonicalJson.parse(line).get("entryHash").asText();
        }
        return ledger.sign(entries, last, Sha256.hex(tree.root()));
    }

    private Verification verify(List<String> lines, SignedHead head) {
        return LedgerVerifier.verifyExport(reader(lines), head, ledger.key.getPublic());
    }

    private static BufferedReader reader(List<String> lines) {
        return new BufferedReader(new StringReader(String.join("\n", lines)));
    }
}
