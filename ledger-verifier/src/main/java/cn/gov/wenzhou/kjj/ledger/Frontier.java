package cn.gov.wenzhou.kjj.ledger;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The right edge of the Merkle tree: the roots of the perfect subtrees a tree of {@code size} leaves decomposes into
 * (one per set bit of the size, largest first). Appending a leaf and computing the root both take O(log n) hashes and
 * no other leaf, so the ledger keeps its tree root current as it appends.
 */
public final class Frontier {

    private long size;
    private final List<byte[]> subtrees;

    private Frontier(long size, List<byte[]> subtrees) {
        this.size = size;
        this.subtrees = subtrees;
    }

    public static Frontier empty() {
        return new Frontier(0, new ArrayList<>());
    }

    /** A frontier from {@link #bytes()}: the subtree roots, 32 bytes each. */
    public static Frontier of(long size, byte[] stored) {
        int count = Long.bitCount(size);
        if (stored.length != count * Sha256.LENGTH) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + count + " subtree roots");
        }
        List<byte[]> subtrees = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subtrees.add(Arrays.copyOfRange(stored, i * Sha256.LENGTH, (i + 1) * Sha256.LENGTH));
        }
        return new Frontier(size, subtrees);
    }

    public void append(byte[] leafHash) {
        subtrees.add(leafHash);
        // a leaf completes one subtree per trailing one bit of the old size
        for (long carry = size; (carry & 1) == 1; carry >>= 1) {
            byte[] right = subtrees.remove(subtrees.size() - 1);
            byte[] left = subtrees.remove(subtrees.size() - 1);
            subtrees.add(MerkleTree.nodeHash(left, right));
        }
        size++;
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(subtrees.get(i), root);
        }
        return root;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(subtrees.size() * Sha256.LENGTH);
        subtrees.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
