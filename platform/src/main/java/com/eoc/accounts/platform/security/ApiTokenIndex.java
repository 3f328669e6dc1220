package com.eoc.accounts.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API tokens that may authenticate, in {@code credentials.api_token}: one row per account
 * that has a token, keyed by the token's hash. The command side writes the rows in the
 * transactions of its token events; this class reads them for both applications and records
 * when a token was last used.
 */
public class ApiTokenIndex {

    /** {@code lastUsedAt} is at most this old: a token in constant use costs one write per period. */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    public ApiTokenIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The indexed token that {@code token} is, if any. A token whose checksum does not match is
     * refused without a database look-up; the stored hash is compared in constant time.
     */
    public Optional<IndexedToken> find(String token) {
        if (!ApiTokenFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = ApiTokenFormat.hash(token);
        return jdbc.sql("""
                        SELECT account_id, token_id, token_hash, created_at, expires_at, last_used_at
                        FROM credentials.api_token WHERE token_hash = ?""")
                .param(hash)
                .query((row, number) -> new StoredRow(row.getString("token_hash"), new IndexedToken(
                        row.getObject("account_id", UUID.class),
                        row.getObject("token_id", UUID.class),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("expires_at").toInstant(),
                        Optional.ofNullable(row.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null))))
                .optional()
                .filter(stored -> MessageDigest.isEqual(bytes(stored.hash()), bytes(hash)))
                .map(StoredRow::token);
    }

    /** When the account's current token was last used, if it has a token. */
    public Optional<Instant> lastUsedAt(UUID accountId, UUID tokenId) {
        return jdbc.sql("SELECT last_used_at FROM credentials.api_token WHERE account_id = ? AND token_id = ?")
                .param(accountId)
                .param(tokenId)
                .query((row, number) -> Optional.ofNullable(row.getTimestamp("last_used_at")).map(Timestamp::toInstant))
                .optional()
                .flatMap(usage -> usage);
    }

    /**
     * Notes that the token was used at {@code now}, unless that was already noted less than
     * {@link #LAST_USED_PRECISION} ago: most uses write nothing, and of several nodes noting one
     * use only the first writes.
     */
    public void recordUse(IndexedToken token, Instant now) {
        Instant staleBefore = now.minus(LAST_USED_PRECISION);
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(staleBefore)) {
            return;
        }
        jdbc.sql("""
                        UPDATE credentials.api_token SET last_used_at = ?
                        WHERE token_id = ? AND (last_used_at IS NULL OR last_used_at <= ?)""")
                .param(Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS)))
                .param(token.tokenId())
                .param(Timestamp.from(staleBefore))
                .update();
    }

    private static byte[] bytes(String hash) {
        return hash.getBytes(StandardCharsets.US_ASCII);
    }

    private record StoredRow(String hash, IndexedToken token) {
    }

    /** A token of the index, without its hash. */
    public record IndexedToken(UUID accountId, UUID tokenId, Instant createdAt, Instant expiresAt,
                               Instant lastUsedAt) {

        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
