package cn.gov.wenzhou.kjj.talent.command;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Envelope encryption of personal data: each person has a random 256-bit data key; their fields are AES-GCM encrypted
 * under it (a fresh 96-bit IV each time, the key id and field name bound as associated data, so a ciphertext cannot be
 * moved to another person or field); the data key is stored wrapped (AES-GCM) under the master key, which comes from
 * the environment and never reaches the database.
 */
public final class PersonalDataCipher {

    /**
     * The development master key: published here and in docs/talent-pool-service.md, for the dev stack and tests only.
     * Anything encrypted under it is readable by anyone with this repository.
     */
    public static final String DEVELOPMENT_MASTER_KEY = "FdvJEUX+jg/QsKRnDBkh8jIpXqC4z4YdgXciP5qdXpQ=";

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec masterKey;
    private final byte[] lookupKey;
    private final String masterKeyId;

    public PersonalDataCipher(byte[] masterKey) {
        if (masterKey == null || masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be 32 bytes (base64 of 256 random bits)");
        }
        this.masterKey = new SecretKeySpec(masterKey.clone(), "AES");
        this.lookupKey = hmac(masterKey, "stb-talent/id-number-lookup");
        this.masterKeyId = HexFormat.of().formatHex(Arrays.copyOf(hmac(masterKey, "stb-talent/master-key-id"), 8));
    }

    public static PersonalDataCipher fromBase64(String masterKey) {
        try {
            return new PersonalDataCipher(Base64.getDecoder().decode(masterKey.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key must be base64 of 32 random bytes", e);
        }
    }

    /** A fingerprint of the master key (not the key): recorded with every wrapped data key. */
    public String masterKeyId() {
        return masterKeyId;
    }

    public byte[] newDataKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public byte[] wrap(byte[] dataKey, String keyId) {
        return seal(masterKey, dataKey, aad("data-key", keyId));
    }

    public byte[] unwrap(byte[] wrapped, String keyId) {
        return open(masterKey, wrapped, aad("data-key", keyId));
    }

    /** Base64 of IV and ciphertext-with-tag. */
    public String encrypt(byte[] dataKey, String keyId, String field, String plaintext) {
        byte[] sealed = seal(new SecretKeySpec(dataKey, "AES"), plaintext.getBytes(StandardCharsets.UTF_8),
                aad(field, keyId));
        return Base64.getEncoder().encodeToString(sealed);
    }

    public String decrypt(byte[] dataKey, String keyId, String field, String ciphertext) {
        byte[] plain = open(new SecretKeySpec(dataKey, "AES"), Base64.getDecoder().decode(ciphertext),
                aad(field, keyId));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /**
     * A keyed hash of an ID number, so that the same person applying again is recognised (one open enrollment per
     * person) without the number being stored. Deleted with the key on erasure.
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

    private static byte[] seal(SecretKeySpec key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static byte[] open(SecretKeySpec key, byte[] sealed, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // no detail: the message of a failed decryption must not help anyone, nor carry data
            throw new IllegalStateException("personal data could not be decrypted (wrong key or tampered data)");
        }
    }

    private static byte[] aad(String purpose, String keyId) {
        return (purpose + ":" + keyId).getBytes(StandardCharsets.UTF_8);
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
