package com.eoc.accounts.platform.personaldata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each account's data key, in {@code credentials.account_data_key}, never in an event: the key
 * its personal fields are encrypted with ({@link FieldCipher}). Erasing the key erases those
 * fields everywhere they are stored encrypted, the event store and its backups included.
 *
 * <p>Keys read for decrypting are remembered for a minute, so that a replay does not read the
 * table once per event; a projection on a node other than the one that erased a key may therefore
 * still decrypt with it for up to that minute, in memory only, until the erasure's own event blanks
 * what it wrote. What auditors read is decrypted with the keys as the table holds them at that
 * moment ({@link #current}).
 */
public class DataKeys {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    /** Within {@link #current}: the keys read from the table so far in that call, each read once. */
    private static final ThreadLocal<Map<UUID, Optional<byte[]>>> CURRENT = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final Cache<UUID, Optional<byte[]>> read = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(REMEMBERED_FOR).build();

    public DataKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account's key, made in the caller's transaction if it has none yet (its first event):
     * it then commits, or rolls back, with the events it encrypts. A key is remembered only once
     * the transaction that read or made it has committed, so a rolled-back one is never used again;
     * a remembered key costs the command no query.
     *
     * @throws ErasedAccountException when the account's data was erased: nothing more of it is written
     */
    byte[] forWriting(UUID accountId) {
        Optional<byte[]> remembered = read.getIfPresent(accountId);
        if (remembered != null && remembered.isPresent()) {
            return remembered.get();
        }
        Optional<byte[]> existing = select(accountId);
        if (existing.isEmpty()) {
            if (isErased(accountId)) {
                throw new ErasedAccountException(accountId);
            }
            jdbc.sql("INSERT INTO credentials.account_data_key (account_id, data_key) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(accountId, FieldCipher.newKey())
                    .update();
            existing = select(accountId);
        }
        byte[] key = existing.orElseThrow();
        afterCommit(() -> read.put(accountId, Optional.of(key)));
        return key;
    }

    /** The account's key, or empty once it is erased (or was never made: no field was encrypted). */
    Optional<byte[]> forReading(UUID accountId) {
        Map<UUID, Optional<byte[]>> readNow = CURRENT.get();
        if (readNow != null) {
            return readNow.computeIfAbsent(accountId, id -> {
                Optional<byte[]> key = select(id);
                read.put(id, key);
                return key;
            });
        }
        return read.get(accountId, this::select);
    }

    /**
     * Runs {@code read} (on this thread) with each key read from the table rather than remembered,
     * so that a read right after an erasure shows it erased, on every node; an account's key is
     * read once per call, however many of its events the call reads.
     */
    public <T> T current(Supplier<T> read) {
        Map<UUID, Optional<byte[]>> outer = CURRENT.get();
        if (outer == null) {
            CURRENT.set(new HashMap<>());
        }
        try {
            return read.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            }
        }
    }

    /** Deletes the account's key for good, in the caller's transaction, and notes the account as erased. */
    public void erase(UUID accountId) {
        jdbc.sql("DELETE FROM credentials.account_data_key WHERE account_id = ?").param(accountId).update();
        jdbc.sql("INSERT INTO credentials.erased_account (account_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(accountId)
                .update();
        // forgotten now, and again once the erasure commits, in case a reader remembered it in between
        read.invalidate(accountId);
        afterCommit(() -> read.invalidate(accountId));
    }

    /** Runs {@code action} once the caller's transaction commits; at once outside a transaction. */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private boolean isErased(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM credentials.erased_account WHERE account_id = ?").param(accountId)
                .query(Long.class).single() > 0;
    }

    private Optional<byte[]> select(UUID accountId) {
        return jdbc.sql("SELECT data_key FROM credentials.account_data_key WHERE account_id = ?")
                .param(accountId)
                .query(byte[].class)
                .optional();
    }
}
