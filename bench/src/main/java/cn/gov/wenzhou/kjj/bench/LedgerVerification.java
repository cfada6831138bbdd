package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.ledger.CanonicalJson;
import cn.gov.wenzhou.kjj.ledger.Frontier;
import cn.gov.wenzhou.kjj.ledger.HashChain;
import cn.gov.wenzhou.kjj.ledger.LedgerEntries;
import cn.gov.wenzhou.kjj.ledger.MerkleTree;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import cn.gov.wenzhou.kjj.ledger.SignedHead;
import cn.gov.wenzhou.kjj.ledger.StoredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Figure 16e (issue 16: verifying 1,000,000 ledger entries takes at most 30 s on 2 cores): the standalone verifier,
 * {@code java -jar ledger-verifier/target/ledger-verifier.jar --head head.json --export ledger.jsonl}, as a finance
 * user runs it, timed from start to exit, on an export of 1,000,000 entries made the way funding-service makes them
 * (expenditures with their voucher hash, chained, the head signed with Ed25519).
 */
final class LedgerVerification {

    static final int ENTRIES = 1_000_000;
    private static final int RUNS = 3;

    private LedgerVerification() {
    }

    static Figure measure(Path root, Path work, int entries) throws Exception {
        Path jar = root.resolve("ledger-verifier/target/ledger-verifier.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the verifier first: " + jar + " is missing");
        }
        Path directory = Files.createDirectories(work.resolve("ledger-verification"));
        Path export = directory.resolve("ledger.jsonl");
        Path head = directory.resolve("head.json");
        long writing = System.nanoTime();
        long bytes = write(export, head, entries);
        System.out.printf("  wrote an export of %,d entries (%,d MB) in %.1f s%n", entries, bytes >> 20,
                (System.nanoTime() - writing) / 1e9);
        double[] seconds = new double[RUNS];
        String printed = null;
        for (int run = 0; run < RUNS; run++) {
            Path output = directory.resolve("verifier-" + run + ".out");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long started = System.nanoTime();
            Process verifier = new ProcessBuilder(java, "-jar", jar.toString(), "--head", head.toString(), "--export",
                    export.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!verifier.waitFor(10, TimeUnit.MINUTES)) {
                verifier.destroyForcibly();
                throw new IllegalStateException("the verifier did not finish in 10 minutes");
            }
            seconds[run] = (System.nanoTime() - started) / 1e9;
            printed = Files.readString(output).strip();
            if (verifier.exitValue() != 0 || !printed.contains("verified: " + entries + " entries")) {
                throw new IllegalStateException("the verifier did not verify the export (exit "
                        + verifier.exitValue() + "): " + printed);
            }
            System.out.printf("  run %d/%d: %.1f s: %s%n", run + 1, RUNS, seconds[run],
                    printed.lines().reduce((a, b) -> b).orElse(""));
        }
        Files.deleteIfExists(export);
        return Figure.of("16e", "ledgerVerification", "the standalone verifier jar on an export of " + entries
                        + " ledger entries and its signed head, start to exit (a child JVM, default options)", "s",
                        seconds)
                .with("entries", entries)
                .with("exportMiB", bytes >> 20)
                .with("output", printed)
                .with("cores", Runtime.getRuntime().availableProcessors());
    }

    /** An export and its signed head, as funding-service writes them; returns the export's size. */
    private static long write(Path export, Path head, int entries) throws IOException, GeneralSecurityException {
        byte[] last = HashChain.GENESIS;
        Frontier tree = Frontier.empty();
        try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            for (int sequence = 1; sequence <= entries; sequence++) {
                String entry = CanonicalJson.text(LedgerEntries.entry(sequence, expenditure(sequence)));
                byte[] canonical = entry.getBytes(StandardCharsets.UTF_8);
                last = HashChain.next(last, canonical);
                tree.append(MerkleTree.leafHash(canonical));
                out.write(LedgerEntries.exportLine(entry, last));
                out.write('\n');
            }
        }
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keyId = SignedHead.keyIdOf(key.getPublic());
        String entryHash = Sha256.hex(last);
        String rootHash = Sha256.hex(tree.root());
        String at = "2026-01-01T00:00:00Z";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(SignedHead.signedBytes(entries, entryHash, rootHash, at, keyId));
        SignedHead signed = new SignedHead(entries, entryHash, rootHash, at, SignedHead.ALGORITHM, keyId,
                Base64.getEncoder().encodeToString(key.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(signer.sign()));
        new ObjectMapper().writeValue(head.toFile(), signed);
        return Files.size(export);
    }

    /** An expenditure as funding-service stores it, with a voucher document's hash. */
    private static StoredEvent expenditure(long sequence) {
        String project = "project-" + (sequence % 1_000);
        String payload = """
                {"projectId":"%s","expenditureId":"e-%d","category":"OPERATING","amountFen":%d,"voucherRef":null,\
                "purpose":"实验材料采购","parameterVersion":"2021.1","spentOn":"2025-06-01","evidence":["%s"]}"""
                .formatted(project, sequence, 10_000 + sequence % 90_000,
                        Sha256.hex(Sha256.of(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII))));
        String metadata = "{\"actor\":\"officer-" + sequence % 20 + "\",\"actorRole\":\"FUNDING_OFFICER\","
                + "\"traceId\":\"t-" + sequence + "\"}";
        return new StoredEvent(sequence * 3, "event-" + sequence,
                "cn.gov.wenzhou.kjj.funding.command.ProjectEvents$ExpenditureRecorded", project, sequence / 1_000,
                "2025-06-01T02:00:00.000Z", payload.getBytes(StandardCharsets.UTF_8),
                metadata.getBytes(StandardCharsets.UTF_8));
    }
}
