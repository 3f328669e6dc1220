package com.eoc.accounts.query.expirywarnings;

import com.eoc.accounts.query.account.TokenExpiry;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Updates the warning view as soon as a token event arrives: a token generated within the warning
 * period is warned about at once, and a deleted or replaced token leaves at once. Whether a new
 * token is within the period is judged with the clock at handling time; a token that only gets
 * there later is moved in by {@link TokenExpiryWarningRefresh}.
 *
 * <p>Idempotent: {@link CurrentToken} remembers the sequence number of the account's last token
 * event, and an event at or below it is a redelivery or a replay and changes nothing.
 */
@Component
@ProcessingGroup(TokenExpiryWarningProjection.PROCESSING_GROUP)
class TokenExpiryWarningProjection {

    static final String PROCESSING_GROUP = "token-expiry-warnings";

    private final CurrentTokenRepository tokens;
    private final TokenExpiryWarningRepository warnings;
    private final TokenExpiry warningPeriod;
    private final WarningTablesLock lock;
    private final Clock clock;

    TokenExpiryWarningProjection(CurrentTokenRepository tokens, TokenExpiryWarningRepository warnings,
                                 TokenExpiry warningPeriod, WarningTablesLock lock, Clock clock) {
        this.tokens = tokens;
        this.warnings = warnings;
        this.warningPeriod = warningPeriod;
        this.lock = lock;
        this.clock = clock;
    }

    /** A new token replaces the account's previous one, if any, in the view too. */
    @EventHandler
    void on(TokenGenerated event, @SequenceNumber long sequence) {
        lock.acquireShared();
        CurrentToken current = tokens.findById(event.accountId()).orElseGet(() -> CurrentToken.none(event.accountId()));
        if (current.hasApplied(sequence)) {
            return;
        }
        if (current.hasToken()) {
            warnings.deleteById(current.getTokenId());
        }
        current.issue(event.tokenId(), event.hint(), event.createdAt(), event.expiresAt(), sequence);
        tokens.save(current);
        if (warningPeriod.isExpiringSoon(event.createdAt(), event.expiresAt(), clock.instant())) {
            warnings.save(new TokenExpiryWarning(event.tokenId(), event.accountId(), event.hint(), event.expiresAt()));
        }
    }

    @EventHandler
    void on(TokenDeleted event, @SequenceNumber long sequence) {
        lock.acquireShared();
        CurrentToken current = tokens.findById(event.accountId()).orElseGet(() -> CurrentToken.none(event.accountId()));
        if (current.hasApplied(sequence)) {
            return;
        }
        warnings.deleteById(event.tokenId());
        current.delete(event.tokenId(), sequence);
        tokens.save(current);
    }

    @ResetHandler
    void reset() {
        lock.acquireShared();
        warnings.deleteAllInBatch();
        tokens.deleteAllInBatch();
    }
}
