package com.eoc.accounts.platform.eventstore;

import com.eoc.accounts.auditproof.Checkpoint;
import com.eoc.accounts.auditproof.Sha256;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The signed checkpoints of the event log, as the command side stores them ({@code eventstore.checkpoint}). */
public final class StoredCheckpoints {

    private StoredCheckpoints() {
    }

    /** The checkpoint at the highest position, if any was signed. */
    public static Optional<Checkpoint> latest(JdbcTemplate jdbc) {
        return jdbc.query("SELECT position, tree_size, root, signed_at, key_id, signature FROM eventstore.checkpoint"
                + " ORDER BY position DESC LIMIT 1", (row, i) -> new Checkpoint(row.getLong(1), row.getLong(2),
                Sha256.hex(row.getBytes(3)), row.getTimestamp(4).toInstant(), row.getString(5),
                Base64.getEncoder().encodeToString(row.getBytes(6)))).stream().findFirst();
    }
}
