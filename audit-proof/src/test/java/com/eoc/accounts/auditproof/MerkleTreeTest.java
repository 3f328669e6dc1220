package com.eoc.accounts.auditproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    @Test
    void theRootIsTheOneOfRfc9162sRecursiveDefinitionForEverySize() {
        for (int size = 0; size <= 70; size++) {
            List<byte[]> entries = entries(size);
            assertThat(MerkleTree.of(entries).root()).as("size %d", size).isEqualTo(recursiveRoot(entries));
        }
    }

    @Test
    void everyEntrysProofLeadsToTheRootAndNoOtherEntrysDoes() {
        for (int size = 1; size <= 40; size++) {
            List<byte[]> entries = entries(size);
            MerkleTree tree = MerkleTree.of(entries);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = tree.inclusionProof(index);
                assertThat(MerkleTree.includes(tree.root(), size, index, entries.get(index), path))
                        .as("entry %d of %d", index, size).isTrue();
                int other = (index + 1) % size;
                if (other != index) {
                    assertThat(MerkleTree.includes(tree.root(), size, index, entries.get(other), path))
                            .as("entry %d in the place of %d of %d", other, index, size).isFalse();
                    assertThat(MerkleTree.includes(tree.root(), size, other, entries.get(index), path))
                            .as("entry %d at index %d of %d", index, other, size).isFalse();
                }
            }
        }
    }

    @Test
    void aProofDoesNotHoldForAChangedTree() {
        List<byte[]> entries = entries(13);
        MerkleTree tree = MerkleTree.of(entries);
        List<byte[]> changed = new ArrayList<>(entries);
        changed.set(12, Sha256.of("forged".getBytes()));
        assertThat(MerkleTree.includes(MerkleTree.of(changed).root(), 13, 3, entries.get(3), tree.inclusionProof(3)))
                .isFalse();
    }

    @Test
    void matchesAKnownTreeHead() {
        // RFC 6962's tree of one empty entry: the leaf hash of nothing
        assertThat(HexFormat.of().formatHex(MerkleTree.of(List.of(new byte[0])).root()))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HexFormat.of().formatHex(MerkleTree.of(List.of()).root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static List<byte[]> entries(int size) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(Sha256.of(ByteBuffer.allocate(4).putInt(i).array()));
        }
        return entries;
    }

    /** MTH(D[n]) of RFC 9162, 2.1.1, as written there. */
    private static byte[] recursiveRoot(List<byte[]> entries) {
        int n = entries.size();
        if (n == 0) {
            return Sha256.of(new byte[0]);
        }
        if (n == 1) {
            return MerkleTree.leaf(entries.get(0));
        }
        int k = Integer.highestOneBit(n - 1);
        return MerkleTree.node(recursiveRoot(entries.subList(0, k)), recursiveRoot(entries.subList(k, n)));
    }
}
