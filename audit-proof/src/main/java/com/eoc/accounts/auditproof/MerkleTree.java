package com.eoc.accounts.auditproof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of a log, as RFC 9162 (Certificate Transparency 2.0, after RFC 6962) defines
 * it: a leaf is {@code SHA-256(0x00 || entry)}, an inner node {@code SHA-256(0x01 || left || right)},
 * and a tree of {@code n} entries splits at the largest power of two below {@code n}. Here the
 * entries are the events' chain links in the order of the event store's global index, so the root
 * commits to every event of every account up to a position, and an inclusion proof shows that one
 * event was among them.
 *
 * <p>Built level by level: a level's last node without a partner moves up unchanged, which gives
 * the same root as the recursive definition (MerkleTreeTest holds the two to each other).
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    /** levels.get(0) holds the leaves' hashes, the last level the root alone. */
    private final List<byte[][]> levels = new ArrayList<>();

    private MerkleTree(byte[][] leaves) {
        byte[][] level = leaves;
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                int left = 2 * i;
                up[i] = left + 1 < level.length ? node(level[left], level[left + 1]) : level[left];
            }
            levels.add(up);
            level = up;
        }
    }

    /** The log's entry for an event: its chain link, or nothing for an event without one. */
    public static byte[] entry(byte[] link) {
        return link == null ? new byte[0] : link;
    }

    /** @param entries the log's entries in order (here: chain links) */
    public static MerkleTree of(List<byte[]> entries) {
        byte[][] leaves = new byte[entries.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = leaf(entries.get(i));
        }
        return new MerkleTree(leaves);
    }

    public int size() {
        return levels.get(0).length;
    }

    /** The tree head; for an empty log, the hash of nothing, as RFC 9162 has it. */
    public byte[] root() {
        return size() == 0 ? Sha256.of(new byte[0]) : levels.get(levels.size() - 1)[0].clone();
    }

    /** The audit path of one entry, from the leaf's sibling upwards. */
    public List<byte[]> inclusionProof(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("no entry " + index + " in a tree of " + size());
        }
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int level = 0; level < levels.size() - 1; level++) {
            byte[][] nodes = levels.get(level);
            int sibling = (i % 2 == 1) ? i - 1 : i + 1;
            if (sibling < nodes.length) {
                path.add(nodes[sibling].clone());
            }
            i /= 2;
        }
        return path;
    }

    /**
     * Whether {@code entry} is the entry at {@code index} of the tree of {@code size} entries whose
     * root is {@code root}, by the audit path {@code path}: the algorithm of RFC 9162, 2.1.3.2.
     */
    public static boolean includes(byte[] root, long size, long index, byte[] entry, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf(entry);
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    static byte[] leaf(byte[] entry) {
        MessageDigest digest = Sha256.digest();
        digest.update(LEAF);
        return digest.digest(entry);
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update(NODE);
        digest.update(left);
        return digest.digest(right);
    }

    @Override
    public String toString() {
        return "MerkleTree[size=" + size() + ", root=" + Sha256.hex(root()) + "]";
    }
}
