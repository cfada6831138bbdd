package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.talent.command.MasterKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The secrets a stack needs, made for it and kept in its data directory: no secret of the stack is written in the
 * repository. The talent pool's master key is generated on the first start of a data directory and read on every
 * later one (its data stays readable across restarts; {@code --clean} deletes both).
 */
public final class LocalSecrets {

    /** The property talent-pool-service reads its master key from. */
    public static final String TALENT_MASTER_KEY_PROPERTY = "stb.talent.personal-data.master-key";

    private LocalSecrets() {
    }

    /** The master key of this data directory's talent pool: {@code secrets/talent-master-key}, readable by its owner. */
    public static String talentMasterKey(Path dataDirectory) {
        Path file = dataDirectory.resolve("secrets").resolve("talent-master-key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            String key = MasterKey.generateBase64();
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the data directory's own protection applies
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the talent master key in " + file, e);
        }
    }

    /** The properties that give {@code service} its secrets (only talent-pool-service has one). */
    public static Map<String, String> propertiesFor(StackService service, String talentMasterKey) {
        return service == StackService.TALENT_POOL ? Map.of(TALENT_MASTER_KEY_PROPERTY, talentMasterKey) : Map.of();
    }
}
