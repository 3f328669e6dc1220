package com.eoc.accounts.command.audit;

import com.eoc.accounts.auditproof.Checkpoint;
import com.eoc.accounts.auditproof.MerkleTree;
import com.eoc.accounts.platform.eventstore.StoredCheckpoints;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints of the whole event log (docs/decisions/0014): the highest global index that
 * no transaction can still fill below, the root of the Merkle tree of every event's chain link up
 * to it, signed with the {@link AuditSigningKey}.
 *
 * <p>The position is read under a {@code SHARE} lock on the event table, held for that one read:
 * it waits for the transactions that are appending (they took their global index, but may not have
 * committed yet), and the appends that come after it take a higher index. So a checkpoint never
 * leaves out an event that commits later below its position.
 */
@Component
class Checkpoints {

    private static final String EVENTS = "eventstore.domain_event_entry";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditSigningKey key;
    private final Clock clock;

    Checkpoints(JdbcTemplate jdbc, TransactionTemplate transactions, AuditSigningKey key) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.key = key;
        this.clock = Clock.systemUTC();
    }

    /** The latest checkpoint, after signing a new one if events were appended since. */
    Checkpoint signIfBehind() {
        long position = settledPosition();
        Optional<Checkpoint> latest = latest();
        if (latest.isPresent() && latest.get().position() >= position) {
            return latest.get();
        }
        return sign(position);
    }

    /** Whether any event was appended since the latest checkpoint, without taking the lock. */
    boolean isBehind() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM " + EVENTS, Long.class);
        return latest().map(checkpoint -> checkpoint.position() < head).orElse(head > 0);
    }

    Optional<Checkpoint> latest() {
        return StoredCheckpoints.latest(jdbc);
    }

    private long settledPosition() {
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            jdbc.execute("LOCK TABLE " + EVENTS + " IN SHARE MODE");
            return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM " + EVENTS, Long.class);
        });
    }

    private Checkpoint sign(long position) {
        List<byte[]> entries = new ArrayList<>();
        StoredCheckpoints.entriesUpTo(jdbc, position, (globalIndex, entry) -> entries.add(entry));
        Checkpoint checkpoint = Checkpoint.sign(position, entries.size(), MerkleTree.of(entries).root(),
                // what the table keeps of the instant, so that the statement read back is the one signed
                clock.instant().truncatedTo(ChronoUnit.MILLIS), key.privateKey(), key.keyId());
        // two nodes may sign the same position at once: the first one's stays
        jdbc.update("INSERT INTO eventstore.checkpoint (position, tree_size, root, signed_at, key_id, signature)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (position) DO NOTHING",
                checkpoint.position(), checkpoint.treeSize(), checkpoint.rootDigest(),
                Timestamp.from(checkpoint.signedAt()), checkpoint.keyId(),
                Base64.getDecoder().decode(checkpoint.signature()));
        return latest().orElseThrow();
    }
}
