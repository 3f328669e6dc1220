package com.eoc.accounts.platform.eventstore;

import com.eoc.accounts.auditproof.Checkpoint;
import com.eoc.accounts.auditproof.MerkleTree;
import com.eoc.accounts.auditproof.Sha256;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signed checkpoints of the event log, as the command side stores them
 * ({@code eventstore.checkpoint}), and the log's entries that a checkpoint's tree is made of.
 */
public final class StoredCheckpoints {

    /** Receives the log's entries in order. */
    @FunctionalInterface
    public interface Entries {
        void accept(long globalIndex, byte[] entry);
    }

    private StoredCheckpoints() {
    }

    /** The checkpoint at the highest position, if any was signed. */
    public static Optional<Checkpoint> latest(JdbcTemplate jdbc) {
        return jdbc.query("SELECT position, tree_size, root, signed_at, key_id, signature FROM eventstore.checkpoint"
                + " ORDER BY position DESC LIMIT 1", (row, i) -> new Checkpoint(row.getLong(1), row.getLong(2),
                Sha256.hex(row.getBytes(3)), row.getTimestamp(4).toInstant(), row.getString(5),
                Base64.getEncoder().encodeToString(row.getBytes(6)))).stream().findFirst();
    }

    /**
     * Every event's entry in the log's Merkle tree up to a position, in the order of the global
     * index ({@link MerkleTree#entry}: its chain link), read in one pass without holding them all
     * as rows.
     */
    public static void entriesUpTo(JdbcTemplate jdbc, long position, Entries entries) {
        jdbc.query(connection -> {
            var select = connection.prepareStatement("SELECT global_index, chain_hash FROM eventstore.domain_event_entry"
                    + " WHERE global_index <= ? ORDER BY global_index");
            select.setLong(1, position);
            select.setFetchSize(10_000);
            return select;
        }, row -> {
            entries.accept(row.getLong(1), MerkleTree.entry(row.getBytes(2)));
        });
    }
}
