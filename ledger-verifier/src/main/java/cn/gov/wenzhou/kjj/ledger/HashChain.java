package cn.gov.wenzhou.kjj.ledger;

import java.nio.charset.StandardCharsets;

/**
 * The ledger's hash chain: {@code entry_hash(n) = SHA-256(entry_hash(n-1) ‖ canonical bytes of entry n)}, the 32 raw
 * bytes of the previous hash followed by the entry's RFC 8785 bytes; entry 1 chains to {@link #GENESIS}.
 */
public final class HashChain {

    /** What entry 1 chains to: SHA-256 of the ASCII text {@value #GENESIS_TEXT}. */
    public static final String GENESIS_TEXT = "cn.gov.wenzhou.kjj.funding.money-ledger.v1";
    public static final byte[] GENESIS = Sha256.of(GENESIS_TEXT.getBytes(StandardCharsets.US_ASCII));

    private HashChain() {
    }

    public static byte[] next(byte[] previousHash, byte[] canonicalEntry) {
        if (previousHash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a previous entry hash has 32 bytes");
        }
        return Sha256.of(previousHash, canonicalEntry);
    }
}
