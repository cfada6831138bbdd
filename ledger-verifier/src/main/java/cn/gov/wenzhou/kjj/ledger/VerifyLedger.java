package cn.gov.wenzhou.kjj.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The verifier finance runs without us:
 * <pre>
 * java -jar ledger-verifier.jar --head head.json [--public-key key.pem] --export ledger.jsonl
 * java -jar ledger-verifier.jar --head head.json [--public-key key.pem] --jdbc-url jdbc:postgresql://…/funding \
 *      --user auditor            (password from LEDGER_DB_PASSWORD)
 * </pre>
 * Prints "verified: N entries, head …" and exits 0, or names the first entry that does not match and exits 1
 * (2: the arguments or files are wrong). Without {@code --public-key} the head's own key is used and its id printed:
 * compare it with a checkpoint copy published on {@code funding.ledger.v1}.
 */
public final class VerifyLedger {

    private VerifyLedger() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv("LEDGER_DB_PASSWORD"), System.out, System.err));
    }

    static int run(List<String> args, String databasePassword, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                err.println(usage());
                return 2;
            }
            options.put(name.substring(2), args.get(++i));
        }
        if (!options.containsKey("head") || (options.containsKey("export") == options.containsKey("jdbc-url"))) {
            err.println(usage());
            return 2;
        }
        try {
            SignedHead head = SignedHead.fromJson(CanonicalJson.parse(Files.readAllBytes(Path.of(options.get("head")))));
            PublicKey key;
            if (options.containsKey("public-key")) {
                key = SignedHead.publicKey(Files.readString(Path.of(options.get("public-key")), StandardCharsets.US_ASCII));
            } else {
                key = head.embeddedPublicKey();
                out.println("key " + SignedHead.keyIdOf(key) + " taken from the head itself: compare it with a "
                        + "published checkpoint");
            }
            Verification result;
            if (options.containsKey("export")) {
                try (BufferedReader export = Files.newBufferedReader(Path.of(options.get("export")),
                        StandardCharsets.UTF_8)) {
                    result = LedgerVerifier.verifyExport(export, head, key);
                }
            } else {
                try (Connection database = DriverManager.getConnection(options.get("jdbc-url"),
                        options.getOrDefault("user", "postgres"), databasePassword == null ? "" : databasePassword)) {
                    result = EventStoreCheck.check(database, head, key);
                }
            }
            (result.verified() ? out : err).println(result.message());
            return result.verified() ? 0 : 1;
        } catch (IOException | SQLException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    private static String usage() {
        return "usage: java -jar ledger-verifier.jar --head head.json [--public-key key.pem] "
                + "(--export ledger.jsonl | --jdbc-url jdbc:postgresql://host/funding [--user name])";
    }
}
