package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.ledger.SignedHead;
import cn.gov.wenzhou.kjj.ledger.Sha256;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs the ledger's head with the service's Ed25519 key. The key is the 32-byte private key (RFC 8032 seed) in
 * base64, from {@code FUNDING_LEDGER_SIGNING_KEY}: there is no default; the dev stack makes one in its data directory,
 * a deployment sets its own ({@code openssl rand -base64 32}). The public key and its id are published with every
 * head and every daily checkpoint.
 */
public class LedgerSigner {

    public static final String KEY_VARIABLE = "FUNDING_LEDGER_SIGNING_KEY";

    private final KeyPair key;
    private final String keyId;
    private final String publicKey;
    private final Clock clock;

    public LedgerSigner(String base64Seed, Clock clock) {
        this.key = keyPair(base64Seed);
        this.keyId = SignedHead.keyIdOf(key.getPublic());
        this.publicKey = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        this.clock = clock;
    }

    /** The head now: signed over its sequence, last entry hash and Merkle root, at this instant (UTC, ms). */
    public SignedHead sign(MoneyLedger.Head head) {
        return sign(head.sequence(), Sha256.hex(head.entryHash()), Sha256.hex(head.rootHash()));
    }

    public SignedHead sign(long sequence, String entryHash, String rootHash) {
        String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        try {
            Signature signer = Signature.getInstance(SignedHead.ALGORITHM);
            signer.initSign(key.getPrivate());
            signer.update(SignedHead.signedBytes(sequence, entryHash, rootHash, at, keyId));
            return new SignedHead(sequence, entryHash, rootHash, at, SignedHead.ALGORITHM, keyId, publicKey,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public String publicKeyPem() {
        return SignedHead.pem(key.getPublic());
    }

    public String keyId() {
        return keyId;
    }

    /**
     * The key pair of a seed. The JDK derives an Ed25519 public key only while generating, from the random bytes it
     * draws as the private key (RFC 8032 §5.1.5): drawing the seed gives the pair.
     */
    static KeyPair keyPair(String base64Seed) {
        if (base64Seed == null || base64Seed.isBlank()) {
            throw new IllegalStateException(KEY_VARIABLE + " is not set: the money ledger signs its head with an "
                    + "Ed25519 key and has no default. Set it to 32 random bytes in base64 (openssl rand -base64 32) "
                    + "and keep it secret; ./run.sh makes one in its data directory.");
        }
        byte[] seed;
        try {
            seed = Base64.getDecoder().decode(base64Seed.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_VARIABLE + " is not base64");
        }
        if (seed.length != 32) {
            throw new IllegalStateException(KEY_VARIABLE + " must hold 32 bytes, it holds " + seed.length);
        }
        byte first = seed[0];
        boolean oneByteRepeated = true;
        for (byte b : seed) {
            oneByteRepeated &= b == first;
        }
        if (oneByteRepeated) {
            throw new IllegalStateException(KEY_VARIABLE + " is weak: one byte repeated; use 32 random bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(SignedHead.ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** Hands out the seed as the generator's random bytes. */
    private static final class SeedRandom extends SecureRandom {

        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator drew " + bytes.length + " bytes, not 32");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            Arrays.fill(seed, (byte) 0);
        }
    }
}
