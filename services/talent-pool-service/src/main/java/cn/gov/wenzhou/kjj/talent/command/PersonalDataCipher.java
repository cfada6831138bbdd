package cn.gov.wenzhou.kjj.talent.command;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Envelope encryption of personal data: each person has a random 256-bit data key; their fields are AES-GCM encrypted
 * under it (a fresh 96-bit IV each time, the key id and field name bound as associated data, so a ciphertext cannot be
 * moved to another person or field); the data key is stored wrapped under a {@link MasterKey}, which comes from the
 * environment and never reaches the database.
 */
public final class PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {
    }

    public static byte[] newDataKey() {
        byte[] key = new byte[MasterKey.BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Base64 of IV and ciphertext-with-tag. */
    public static String encrypt(byte[] dataKey, String keyId, String field, String plaintext) {
        byte[] sealed = seal(new SecretKeySpec(dataKey, "AES"), plaintext.getBytes(StandardCharsets.UTF_8),
                aad(field, keyId));
        return Base64.getEncoder().encodeToString(sealed);
    }

    public static String decrypt(byte[] dataKey, String keyId, String field, String ciphertext) {
        byte[] plain = open(new SecretKeySpec(dataKey, "AES"), Base64.getDecoder().decode(ciphertext),
                aad(field, keyId));
        return new String(plain, StandardCharsets.UTF_8);
    }

    static byte[] seal(SecretKeySpec key, byte[] plaintext, byte[] aad) {
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

    static byte[] open(SecretKeySpec key, byte[] sealed, byte[] aad) {
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

    static byte[] aad(String purpose, String keyId) {
        return (purpose + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
