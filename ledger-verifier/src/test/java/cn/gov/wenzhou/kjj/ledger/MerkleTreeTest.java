package cn.gov.wenzhou.kjj.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void hashesAreRfc6962s() {
        // RFC 6962 / Certificate Transparency: the empty tree and the leaf of the empty entry
        assertThat(Sha256.hex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex(MerkleTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        List<byte[]> two = leaves(2);
        assertThat(MerkleTree.root(two)).isEqualTo(Sha256.of(new byte[]{1}, two.get(0), two.get(1)));
    }

    @Test
    void theFrontierGivesTheRootOfEverySize() {
        List<byte[]> leaves = leaves(70);
        Frontier frontier = Frontier.empty();
        for (int n = 1; n <= leaves.size(); n++) {
            frontier.append(leaves.get(n - 1));
            assertThat(frontier.root()).as("size %d", n).isEqualTo(MerkleTree.root(leaves, 0, n));
            Frontier stored = Frontier.of(n, frontier.bytes());
            assertThat(stored.root()).isEqualTo(frontier.root());
        }
    }

    @Test
    void everyInclusionProofVerifiesAndAWrongOneDoesNot() {
        List<byte[]> leaves = leaves(33);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.root(leaves, 0, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionProof(leaves, index, size);
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), path, root))
                        .as("leaf %d of %d", index, size).isTrue();
                if (size > 1) {
                    int other = (index + 1) % size;
                    assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(other), path, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndAForkDoesNot() {
        List<byte[]> leaves = leaves(33);
        List<byte[]> fork = new ArrayList<>(leaves);
        fork.set(2, MerkleTree.leafHash("forged".getBytes(StandardCharsets.UTF_8)));
        for (int second = 1; second <= leaves.size(); second++) {
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
                byte[] firstRoot = MerkleTree.root(leaves, 0, first);
                byte[] secondRoot = MerkleTree.root(leaves, 0, second);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d to %d", first, second).isTrue();
                if (first > 2) {
                    byte[] forkedRoot = MerkleTree.root(fork, 0, second);
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, forkedRoot,
                            MerkleTree.consistencyProof(fork, first, second))).isFalse();
                }
            }
        }
    }
}
