package com.eoc.accounts.query.security;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.platform.security.AccountLogins;
import com.eoc.accounts.platform.security.ApiTokenFormat;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.query.StoredEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Accounts and API tokens for the security tests, made as the command side makes them: the
 * events in the event store (which the query side projects), the login (the account's id, as for
 * an account registered without a subject) and the token in their indexes.
 */
final class TestAccounts {

    private final int port;
    private final EventStorageEngine storageEngine;
    private final ApiTokenIndex index;
    private final AccountLogins logins;

    TestAccounts(int port, EventStorageEngine storageEngine, ApiTokenIndex index, AccountLogins logins) {
        this.port = port;
        this.storageEngine = storageEngine;
        this.index = index;
        this.logins = logins;
    }

    /** A new account without token, projected. */
    UUID register() {
        UUID accountId = UUID.randomUUID();
        append(accountId, 0, List.of(new AccountRegistered(accountId, "Mary", "Jackson", "mary@example.com")));
        logins.bind(accountId.toString(), accountId);
        QuerySideHttp.awaitVersion(port, accountId, 0);
        return accountId;
    }

    /** A new account with a token, projected and indexed. */
    ApiToken withToken(Instant expiresAt) {
        UUID accountId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        String token = ApiTokenFormat.generate();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(accountId, 0, List.of(new AccountRegistered(accountId, "Katherine", "Johnson", "kj@example.com"),
                new TokenGenerated(accountId, tokenId, ApiTokenFormat.hash(token), ApiTokenFormat.hint(token),
                        createdAt, expiresAt)));
        logins.bind(accountId.toString(), accountId);
        index.index(accountId, tokenId, ApiTokenFormat.hash(token), ApiTokenFormat.hint(token), createdAt, expiresAt);
        QuerySideHttp.awaitVersion(port, accountId, 1);
        return new ApiToken(accountId, tokenId, token);
    }

    /** A token in the index only, of an account that needs no view. */
    String indexedToken(Instant expiresAt) {
        String token = ApiTokenFormat.generate();
        index.index(UUID.randomUUID(), UUID.randomUUID(), ApiTokenFormat.hash(token), ApiTokenFormat.hint(token),
                expiresAt.minus(Duration.ofDays(90)), expiresAt);
        return token;
    }

    void append(UUID accountId, long firstSequence, List<? extends AccountEvent> events) {
        storageEngine.appendEvents(StoredEvents.of(accountId, firstSequence,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), events));
    }

    /** The same token with one character of its random part changed: its checksum no longer matches. */
    static String typo(String token) {
        int at = ApiTokenFormat.PREFIX.length() + 5;
        char replacement = token.charAt(at) == 'a' ? 'b' : 'a';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    record ApiToken(UUID accountId, UUID tokenId, String value) {
    }
}
