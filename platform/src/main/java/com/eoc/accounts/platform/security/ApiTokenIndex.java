package com.eoc.accounts.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API tokens that may authenticate, in {@code credentials.api_token}: one row per account
 * that has a token, with the token's hash. The command side writes the rows in the transactions
 * of its token events ({@link #index}, {@link #remove}); both applications find tokens here and
 * record when one was last used. The only class that knows the table's columns.
 */
public class ApiTokenIndex {

    /** {@code lastUsedAt} is at most this old: a token in constant use costs one write per period. */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(ApiTokenIndex.class);

    private final JdbcClient jdbc;

    public ApiTokenIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The indexed token that {@code token} is, if any. A token whose checksum does not match is
     * refused without a database look-up. The look-up is by the hint, which is not secret (it is
     * shown to users); the hash, which decides, is compared in constant time.
     */
    public Optional<IndexedToken> find(String token) {
        return ApiTokenFormat.isWellFormed(token) ? lookUp(token) : Optional.empty();
    }

    /** The hint's rows, and of those the one whose hash is the token's, compared in constant time. */
    private Optional<IndexedToken> lookUp(String token) {
        byte[] hash = ascii(ApiTokenFormat.hash(token));
        return jdbc.sql("""
                        SELECT account_id, token_id, token_hash, created_at, expires_at, last_used_at
                        FROM credentials.api_token WHERE hint = ?""")
                .param(ApiTokenFormat.hint(token))
                .query((row, number) -> new Candidate(ascii(row.getString("token_hash")), indexed(row)))
                .list().stream()
                .filter(candidate -> MessageDigest.isEqual(candidate.hash(), hash))
                .map(Candidate::token)
                .findFirst();
    }

    /**
     * The token as it authenticates at {@code now}: well formed, indexed (so not deleted) and not
     * expired, its use recorded. The one rule for both authentication and introspection.
     *
     * @throws RefusedApiTokenException saying which of these it is not, without repeating the token
     */
    public IndexedToken use(String token, Instant now) {
        if (!ApiTokenFormat.isWellFormed(token)) {
            throw new RefusedApiTokenException("the API token is malformed (its checksum does not match)");
        }
        IndexedToken indexed = lookUp(token).orElseThrow(
                () -> new RefusedApiTokenException("the API token is unknown or has been deleted"));
        if (indexed.isExpiredAt(now)) {
            throw new RefusedApiTokenException("the API token expired at " + indexed.expiresAt());
        }
        recordUse(indexed, now);
        return indexed;
    }

    /** When the account's current token was last used, if it has a token. */
    public Optional<Instant> lastUsedAt(UUID accountId, UUID tokenId) {
        return jdbc.sql("SELECT last_used_at FROM credentials.api_token WHERE account_id = ? AND token_id = ?")
                .param(accountId)
                .param(tokenId)
                .query((row, number) -> Optional.ofNullable(instant(row, "last_used_at")))
                .optional()
                .flatMap(usage -> usage);
    }

    /**
     * Notes that the token was used at {@code now}, unless that was already noted less than
     * {@link #LAST_USED_PRECISION} ago: most uses write nothing, and of several nodes noting one
     * use only the first writes. Best effort: a failure to note it does not fail the request.
     */
    public void recordUse(IndexedToken token, Instant now) {
        Instant staleBefore = now.minus(LAST_USED_PRECISION);
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(staleBefore)) {
            return;
        }
        try {
            jdbc.sql("""
                            UPDATE credentials.api_token SET last_used_at = ?
                            WHERE token_id = ? AND (last_used_at IS NULL OR last_used_at <= ?)""")
                    .param(Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS)))
                    .param(token.tokenId())
                    .param(Timestamp.from(staleBefore))
                    .update();
        } catch (DataAccessException e) {
            log.warn("Could not record the use of API token {} of account {}: {}", token.tokenId(),
                    token.accountId(), e.getMessage());
        }
    }

    /** The account's token from now on, replacing its previous one (which can only be an expired one). */
    public void index(UUID accountId, UUID tokenId, String tokenHash, String hint, Instant createdAt,
                      Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO credentials.api_token (account_id, token_id, token_hash, hint, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (account_id) DO UPDATE SET token_id = excluded.token_id,
                            token_hash = excluded.token_hash, hint = excluded.hint, created_at = excluded.created_at,
                            expires_at = excluded.expires_at, last_used_at = NULL""")
                .param(accountId)
                .param(tokenId)
                .param(tokenHash)
                .param(hint)
                .param(Timestamp.from(createdAt))
                .param(Timestamp.from(expiresAt))
                .update();
    }

    /** The account has no token any more: the next request with it is refused. */
    public void remove(UUID accountId) {
        jdbc.sql("DELETE FROM credentials.api_token WHERE account_id = ?").param(accountId).update();
    }

    private static IndexedToken indexed(ResultSet row) throws SQLException {
        return new IndexedToken(row.getObject("account_id", UUID.class), row.getObject("token_id", UUID.class),
                instant(row, "created_at"), instant(row, "expires_at"), instant(row, "last_used_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static byte[] ascii(String hash) {
        return hash.getBytes(StandardCharsets.US_ASCII);
    }

    private record Candidate(byte[] hash, IndexedToken token) {
    }

    /** A token of the index, without its hash. */
    public record IndexedToken(UUID accountId, UUID tokenId, Instant createdAt, Instant expiresAt,
                               Instant lastUsedAt) {

        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
