package cn.gov.wenzhou.kjj.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the hex form every hash of the ledger is shown in (lower case). */
public final class Sha256 {

    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] of(byte[]... parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** A hash from its hex form; anything but 64 hex digits is refused. */
    public static byte[] parseHex(String hex, String what) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException(what + " is not a SHA-256 hash in hex: " + hex);
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a SHA-256 hash in hex: " + hex, e);
        }
    }
}
