package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaCredentials;
import cn.gov.wenzhou.kjj.talent.command.MasterKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The secrets a stack needs, made for it and kept in its data directory: no secret of the stack is written in the
 * repository. The talent pool's master key, the funding ledger's signing key, the database password and the Kafka
 * users' passwords are generated on the first start of a data directory and read on every later one (its data stays readable, its signed ledger heads keep their key,
 * across restarts; {@code --clean} deletes them with the data).
 */
public final class LocalSecrets {

    /** The property talent-pool-service reads its master key from. */
    public static final String TALENT_MASTER_KEY_PROPERTY = "stb.talent.personal-data.master-key";

    private LocalSecrets() {
    }

    /** The property funding-service reads the money ledger's Ed25519 signing key from. */
    public static final String FUNDING_LEDGER_KEY_PROPERTY = "stb.funding.ledger.signing-key";

    /** The master key of this data directory's talent pool: {@code secrets/talent-master-key}, readable by its owner. */
    public static String talentMasterKey(Path dataDirectory) {
        return kept(dataDirectory, "talent-master-key", MasterKey::generateBase64);
    }

    /** The funding ledger's signing key of this data directory: {@code secrets/funding-ledger-signing-key}. */
    public static String fundingLedgerKey(Path dataDirectory) {
        return kept(dataDirectory, "funding-ledger-signing-key", LocalSecrets::newFundingLedgerKey);
    }

    /** The database password of this data directory's applications: {@code secrets/postgres-password}. */
    public static String databasePassword(Path dataDirectory) {
        return kept(dataDirectory, "postgres-password", KafkaCredentials::newPassword);
    }

    /**
     * The Kafka users' passwords of this data directory (KafkaAccess: one user per service, the subscriber, the
     * admin): {@code secrets/kafka-<user>}. A subscriber outside the stack signs in as {@code subscriber} with the
     * password in {@code secrets/kafka-subscriber}.
     */
    public static KafkaCredentials kafkaCredentials(Path dataDirectory) {
        return KafkaCredentials.of(user -> kept(dataDirectory, "kafka-" + user, KafkaCredentials::newPassword));
    }

    /** The properties that sign {@code service} in to Kafka as its own user. */
    public static Map<String, String> kafkaSignIn(StackService service, KafkaCredentials credentials) {
        return Map.of("stb.kafka.sign-in.username", service.serviceName(),
                "stb.kafka.sign-in.password", credentials.password(service.serviceName()));
    }

    /** The environment that signs the open data in to Kafka as its own user. */
    public static Map<String, String> openDataKafkaSignIn(KafkaCredentials credentials) {
        return Map.of("KAFKA_USERNAME", KafkaAccess.OPEN_DATA.name(),
                "KAFKA_PASSWORD", credentials.password(KafkaAccess.OPEN_DATA.name()));
    }

    /** A new Ed25519 private key (32 random bytes, base64), for a stack whose databases are new. */
    public static String newFundingLedgerKey() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return Base64.getEncoder().encodeToString(seed);
    }

    private static String kept(Path dataDirectory, String name, Supplier<String> generate) {
        Path file = dataDirectory.resolve("secrets").resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            String key = generate.get();
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the data directory's own protection applies
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secret " + name + " in " + file, e);
        }
    }

    /** The properties that give {@code service} its secrets (talent's master key, funding's ledger key). */
    public static Map<String, String> propertiesFor(StackService service, String talentMasterKey,
                                                    String fundingLedgerKey) {
        return switch (service) {
            case TALENT_POOL -> Map.of(TALENT_MASTER_KEY_PROPERTY, talentMasterKey);
            case FUNDING -> Map.of(FUNDING_LEDGER_KEY_PROPERTY, fundingLedgerKey);
            default -> Map.of();
        };
    }
}
