package cn.gov.wenzhou.kjj.talent.command;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A master key: it wraps (AES-GCM) every person's data key and keys the ID-number lookup hash. It comes from the
 * environment and never reaches the database; only its {@link #id() id}, a fingerprint, is stored with each key it
 * wrapped, so that reads work under either key while a rotation re-wraps them.
 */
public final class MasterKey {

    static final int BYTES = 32;

    /**
     * SHA-256 of keys that were published (in this repository or its documentation): never accepted as the current
     * key. The key itself is not kept here.
     */
    private static final Set<String> PUBLISHED_KEY_DIGESTS = Set.of(
            // the development key that PersonalDataCipher carried until the fallback was removed (issue 12)
            "21b80a99c451f97b634638e619b487e0e17acc994d7968a5678452893aa5203e");
    /** The id of that development key, to explain a refusal to start on data it wrapped. */
    public static final String PUBLISHED_DEVELOPMENT_KEY_ID = "ec0e32e43005e5fc";
    /**
     * Below this many distinct byte values (or distinct steps between neighbours) 32 bytes are a pattern, not random:
     * 32 random bytes have about 30 distinct values, fewer than 17 happens about once in 10^9 keys.
     */
    private static final int MINIMUM_DISTINCT = 17;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] lookupKey;
    private final String id;
    private final Optional<String> weakness;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes.clone(), "AES");
        this.lookupKey = hmac(bytes, "stb-talent/id-number-lookup");
        this.id = HexFormat.of().formatHex(Arrays.copyOf(hmac(bytes, "stb-talent/master-key-id"), 8));
        this.weakness = weaknessOf(bytes);
    }

    /**
     * @param variable the environment variable it came from, named in the message when it is malformed (the value
     *                 never is)
     * @throws MasterKeyConfigurationException when it is not base64 of exactly 32 bytes
     */
    public static MasterKey parse(String base64, String variable) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new MasterKeyConfigurationException(variable + " is not base64: it must be base64 of 32 random"
                    + " bytes (openssl rand -base64 32)");
        }
        if (bytes.length != BYTES) {
            throw new MasterKeyConfigurationException(variable + " decodes to " + bytes.length + " bytes: it must be"
                    + " base64 of exactly 32 random bytes (openssl rand -base64 32)");
        }
        return new MasterKey(bytes);
    }

    /** A new random master key, base64: what the dev stack and tests generate for themselves. */
    public static String generateBase64() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A fingerprint of the key (not the key): 16 hex characters, stored with every data key it wrapped. */
    public String id() {
        return id;
    }

    /** Why this key must not protect real data (published, or not random), or empty when it looks sound. */
    public Optional<String> weakness() {
        return weakness;
    }

    public byte[] wrap(byte[] dataKey, String keyId) {
        return PersonalDataCipher.seal(key, dataKey, PersonalDataCipher.aad("data-key", keyId));
    }

    public byte[] unwrap(byte[] wrapped, String keyId) {
        return PersonalDataCipher.open(key, wrapped, PersonalDataCipher.aad("data-key", keyId));
    }

    /**
     * A keyed hash of an ID number, so that the same person applying again is recognised without the number being
     * stored. It depends on the master key: a rotation recomputes it, so that a leaked old key cannot be used to
     * test ID numbers against the hashes stored after the rotation.
     */
    public String lookupHash(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(lookupKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }

    private static Optional<String> weaknessOf(byte[] bytes) {
        if (PUBLISHED_KEY_DIGESTS.contains(sha256(bytes))) {
            return Optional.of("it is a published key (the development key once committed to the repository):"
                    + " anyone can read what it protects");
        }
        if (IntStream.range(0, bytes.length).allMatch(i -> bytes[i] >= 0x20 && bytes[i] < 0x7f)) {
            return Optional.of("it is printable text (a password or phrase), not 32 random bytes");
        }
        if (distinct(IntStream.range(0, bytes.length).map(i -> bytes[i] & 0xff)) < MINIMUM_DISTINCT) {
            return Optional.of("it repeats too few byte values to be random");
        }
        if (distinct(IntStream.range(1, bytes.length).map(i -> (bytes[i] - bytes[i - 1]) & 0xff))
                < MINIMUM_DISTINCT) {
            return Optional.of("it is a regular sequence, not random");
        }
        return Optional.empty();
    }

    private static long distinct(IntStream values) {
        return values.distinct().count();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
