package cn.gov.wenzhou.kjj.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyLedgerTest {

    @TempDir
    Path files;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anExportAndItsHeadPrintVerifiedAndExitZero() throws Exception {
        TestLedger ledger = new TestLedger(5);
        Path export = Files.writeString(files.resolve("ledger.jsonl"), ledger.export());
        Path head = Files.writeString(files.resolve("head.json"), json(ledger.head()));
        Path key = Files.writeString(files.resolve("key.pem"), SignedHead.pem(ledger.key.getPublic()));

        int exit = run("--head", head.toString(), "--public-key", key.toString(), "--export", export.toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("verified: 5 entries, head " + ledger.head().entryHash());
    }

    @Test
    void aTamperedExportNamesTheEntryAndExitsOne() throws Exception {
        TestLedger ledger = new TestLedger(5);
        Path export = Files.writeString(files.resolve("ledger.jsonl"),
                ledger.export().replace("\"amountFen\":100002", "\"amountFen\":100003"));
        Path head = Files.writeString(files.resolve("head.json"), json(ledger.head()));

        int exit = run("--head", head.toString(), "--export", export.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("taken from the head itself");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("NOT verified: entry 2: ");
    }

    @Test
    void missingArgumentsPrintTheUsageAndExitTwo() {
        assertThat(run("--export", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private int run(String... args) {
        return VerifyLedger.run(List.of(args), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String json(SignedHead head) {
        return """
                {"sequence": %d, "entryHash": "%s", "rootHash": "%s", "at": "%s", "algorithm": "%s", "keyId": "%s",
                 "publicKey": "%s", "signature": "%s"}""".formatted(head.sequence(), head.entryHash(), head.rootHash(),
                head.at(), head.algorithm(), head.keyId(), head.publicKey(), head.signature());
    }
}
