package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.query.LedgerLag;
import cn.gov.wenzhou.kjj.funding.query.LedgerSigner;
import cn.gov.wenzhou.kjj.funding.query.MoneyLedger;
import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import cn.gov.wenzhou.kjj.ledger.MerkleTree;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import cn.gov.wenzhou.kjj.ledger.SignedHead;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/audit/ledger")
@Tag(name = "Money ledger", description = "The tamper-evident ledger of every money event: signed head, JSON-lines "
        + "export for the standalone verifier, RFC 6962 inclusion and consistency proofs. Read-only.")
public class LedgerController {

    /** The largest tree a proof is computed over (proofs read every leaf hash: 32 MB at this bound). */
    static final long MAX_TREE = 10_000_000L;

    public record InclusionProof(String eventId, long sequence, long leafIndex, long treeSize, String leafHash,
                                 List<String> auditPath, String rootHash, SignedHead head) {
    }

    public record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> proof,
                                   SignedHead head) {
    }

    /**
     * How far the chain is behind: the head's sequence, the money events stored but not chained yet (at least that
     * many when {@code unchainedAtLeast}), since when the oldest of them waits, and whether that is past the alert
     * bound (then the service's health says DEGRADED).
     */
    public record LedgerStatus(long sequence, long unchained, boolean unchainedAtLeast,
                               Instant oldestUnchainedStoredAt, long waitedSeconds, boolean behind) {
    }

    private final MoneyLedger ledger;
    private final LedgerSigner signer;
    private final LedgerLag lag;

    public LedgerController(MoneyLedger ledger, LedgerSigner signer, LedgerLag lag) {
        this.ledger = ledger;
        this.signer = signer;
        this.lag = lag;
    }

    @GetMapping("/status")
    @Operation(summary = "How far the chain is behind the event store",
            description = "The head's sequence, how many money events wait for their entries and since when; "
                    + "behind is true once the oldest has waited longer than stb.funding.ledger.lag-alert-after.")
    public LedgerStatus status() {
        long sequence = ledger.head().sequence();
        LedgerLag.Reading reading = lag.now();
        return new LedgerStatus(sequence, reading.lag().unchained(), reading.lag().more(),
                reading.lag().oldestStoredAt().orElse(null), reading.age().toSeconds(), reading.behind());
    }

    @GetMapping("/head")
    @Operation(summary = "The ledger's head, signed with Ed25519: {sequence, entryHash, rootHash, at}",
            description = "The chain as far as it is written: money events are chained shortly after their "
                    + "commands commit, so a head read right after a command may not include it yet (sequence says "
                    + "how many entries it covers). The signature covers the RFC 8785 bytes of {at, entryHash, keyId, ledger, rootHash, "
                    + "sequence}; publicKey is the X.509 key in base64, keyId its SHA-256.")
    public SignedHead head() {
        return signer.sign(ledger.head());
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The key that signs heads and checkpoints (PEM)")
    public String publicKey() {
        return signer.publicKeyPem();
    }

    @GetMapping(value = "/export", produces = "application/x-ndjson")
    @Operation(summary = "Every entry as JSON lines {entry, entryHash}, for ledger-verifier.jar",
            description = "Streams entries 1..the head at the start of the download (header Ledger-Sequence).")
    public ResponseEntity<StreamingResponseBody> export() {
        long upTo = ledger.head().sequence();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"money-ledger.jsonl\"")
                .header("Ledger-Sequence", Long.toString(upTo))
                .contentType(new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .body(out -> {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                    ledger.entries(upTo, entry -> {
                        try {
                            writer.write(LedgerEntries.exportLine(entry.entry(), entry.entryHash()));
                            writer.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    writer.flush();
                });
    }

    @GetMapping("/proof/{eventId}")
    @Operation(summary = "The audit path of one money event's entry (RFC 6962 §2.1.1)",
            description = "Against the current signed head, or the tree of the first treeSize entries (a head "
                    + "you hold, for example a published checkpoint). A money event is chained shortly after its "
                    + "command commits: until then 409 ledger.not-yet-chained (ask again); an id that is no money "
                    + "event: 404.")
    public InclusionProof proof(@PathVariable String eventId,
                                @Parameter(description = "entries in the tree; default: the current head")
                                @RequestParam(required = false) Long treeSize) {
        // the entry first, then the head: a chaining round commits entries and head together, so this head covers the
        // entry (read the other way round, a round in between would leave the entry beyond the head)
        MoneyLedger.Entry entry = ledger.entryOf(eventId).orElseThrow(() -> notInTheLedger(eventId, ledger.head()));
        MoneyLedger.Head head = ledger.head();
        long size = treeSize == null ? head.sequence() : treeSize;
        if (size < entry.sequence() || size > head.sequence() || size > MAX_TREE) {
            throw new InvalidInputException("treeSize", "must be from the entry's sequence " + entry.sequence()
                    + " to the head's " + Math.min(head.sequence(), MAX_TREE));
        }
        List<byte[]> leaves = ledger.leafHashes(size);
        List<String> path = MerkleTree.inclusionProof(leaves, (int) entry.sequence() - 1, (int) size).stream()
                .map(Sha256::hex).toList();
        return new InclusionProof(eventId, entry.sequence(), entry.sequence() - 1, size, Sha256.hex(entry.leafHash()),
                path, Sha256.hex(MerkleTree.root(leaves)), size == head.sequence() ? signer.sign(head) : null);
    }

    /** A money event is chained shortly after its command commits: until then it is stored but has no entry. */
    private RuntimeException notInTheLedger(String eventId, MoneyLedger.Head head) {
        if (ledger.isStoredMoneyEvent(eventId)) {
            return new RuleViolationException("ledger.not-yet-chained", "the money event is stored but not chained "
                    + "yet (the ledger chains money events in index order shortly after their commands commit; the "
                    + "head is at sequence " + head.sequence() + "): ask again in a second");
        }
        return new NotFoundException("money event in the ledger", eventId);
    }

    @GetMapping("/consistency")
    @Operation(summary = "Proof that the tree of 'to' entries extends the tree of 'from' entries (RFC 6962 §2.1.2)",
            description = "'to' defaults to the current head, which is then signed in the answer.")
    public ConsistencyProof consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        MoneyLedger.Head head = ledger.head();
        long second = to == null ? head.sequence() : to;
        if (second < 1 || second > head.sequence() || second > MAX_TREE) {
            throw new InvalidInputException("to", "must be from 1 to the head's sequence " + head.sequence());
        }
        if (from < 1 || from > second) {
            throw new InvalidInputException("from", "must be from 1 to " + second);
        }
        List<byte[]> leaves = ledger.leafHashes(second);
        List<String> proof = MerkleTree.consistencyProof(leaves, (int) from, (int) second).stream()
                .map(Sha256::hex).toList();
        return new ConsistencyProof(from, second, Sha256.hex(MerkleTree.root(leaves, 0, (int) from)),
                Sha256.hex(MerkleTree.root(leaves)), proof, second == head.sequence() ? signer.sign(head) : null);
    }
}
