package com.eoc.accounts.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which account a login ({@code sub} of the identity provider) belongs to, in
 * {@code credentials.account_login}: one row per account, written by the command side in the
 * transaction of the account's registration. The only class that knows the table's columns.
 *
 * <p>Found accounts are remembered: a subject is bound to its account once and for ever, so a
 * remembered answer can never become wrong. A subject without an account is asked again each time,
 * since it may be registered any moment. Whether the account is closed is asked each time too
 * ({@link #isClosed}): an administrator may close it on any node at any moment.
 */
public class AccountLogins {

    /** Logins active on one node at a time; about 150 bytes each. */
    static final int MAX_REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final Cache<String, UUID> found = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

    public AccountLogins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account whose login {@code subject} is, if there is one. */
    public Optional<UUID> accountOf(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        UUID known = found.getIfPresent(subject);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> account = jdbc.sql("SELECT account_id FROM credentials.account_login WHERE subject = ?")
                .param(subject)
                .query(UUID.class)
                .optional();
        account.ifPresent(accountId -> found.put(subject, accountId));
        return account;
    }

    /**
     * Binds {@code subject} to the account, in the caller's transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the subject (or the account) is bound already
     */
    public void bind(String subject, UUID accountId) {
        jdbc.sql("INSERT INTO credentials.account_login (subject, account_id) VALUES (?, ?)")
                .param(subject)
                .param(accountId)
                .update();
    }

    /** Whether the account is closed; an account without a login is not. */
    public boolean isClosed(UUID accountId) {
        return jdbc.sql("SELECT closed FROM credentials.account_login WHERE account_id = ?")
                .param(accountId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Marks the account's login closed (or open again), in the caller's transaction. */
    public void markClosed(UUID accountId, boolean closed) {
        jdbc.sql("UPDATE credentials.account_login SET closed = ? WHERE account_id = ?")
                .param(closed)
                .param(accountId)
                .update();
    }
}
