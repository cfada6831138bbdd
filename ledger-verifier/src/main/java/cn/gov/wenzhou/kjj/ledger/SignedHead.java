package cn.gov.wenzhou.kjj.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The ledger's head as the service signs it: after {@code sequence} entries the last entry hash is {@code entryHash}
 * and the Merkle tree of the entries has root {@code rootHash}, as of {@code at}. The signature is Ed25519 over the
 * RFC 8785 bytes of {@code {"at", "entryHash", "keyId", "ledger", "rootHash", "sequence"}} ({@link #signedBytes()}),
 * with the key whose X.509 (SubjectPublicKeyInfo) encoding is {@code publicKey} and whose SHA-256 is {@code keyId}.
 */
public record SignedHead(long sequence, String entryHash, String rootHash, String at, String algorithm, String keyId,
                         String publicKey, String signature) {

    public static final String LEDGER = HashChain.GENESIS_TEXT;
    public static final String ALGORITHM = "Ed25519";

    /** The bytes the signature covers. */
    public byte[] signedBytes() {
        return signedBytes(sequence, entryHash, rootHash, at, keyId);
    }

    public static byte[] signedBytes(long sequence, String entryHash, String rootHash, String at, String keyId) {
        ObjectNode signed = JsonNodeFactory.instance.objectNode();
        signed.put("at", at);
        signed.put("entryHash", entryHash);
        signed.put("keyId", keyId);
        signed.put("ledger", LEDGER);
        signed.put("rootHash", rootHash);
        signed.put("sequence", sequence);
        return CanonicalJson.bytes(signed);
    }

    /** The key id of a public key: SHA-256 of its X.509 encoding, in hex. */
    public static String keyIdOf(PublicKey key) {
        return Sha256.hex(Sha256.of(key.getEncoded()));
    }

    public PublicKey embeddedPublicKey() {
        return publicKey(publicKey);
    }

    /** Does the signature verify with {@code key}, and is {@code keyId} that key's? */
    public boolean verifiesWith(PublicKey key) {
        if (!keyIdOf(key).equals(keyId) || !ALGORITHM.equals(algorithm)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A public key from base64 X.509 or a PEM "PUBLIC KEY" block. */
    public static PublicKey publicKey(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509, base64 or PEM)", e);
        }
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public static SignedHead fromJson(JsonNode json) {
        return new SignedHead(required(json, "sequence").asLong(), required(json, "entryHash").asText(),
                required(json, "rootHash").asText(), required(json, "at").asText(),
                required(json, "algorithm").asText(), required(json, "keyId").asText(),
                required(json, "publicKey").asText(), required(json, "signature").asText());
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the signed head has no " + field);
        }
        return value;
    }
}
