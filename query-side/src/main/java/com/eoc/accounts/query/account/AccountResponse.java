package com.eoc.accounts.query.account;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of {@code GET /api/accounts/{id}} and {@code GET /api/me}, and of the account's state
 * as it stood at an instant ({@code GET /api/accounts/{id}/history?asOf=}). {@code subject} is
 * the account's login: the identity provider's {@code sub} of its owner. {@code closedAt} is null
 * while the account is open; the names and email address are null once its personal data is erased.
 */
public record AccountResponse(UUID accountId, String subject, @Nullable String firstName, @Nullable String lastName,
                              @Nullable String email,
                              @Nullable String avatarUrl, @Nullable ApiToken apiToken, AccountStatus status,
                              @Nullable Instant closedAt, @Nullable Instant erasedAt, long version, Instant updatedAt) {

    static AccountResponse of(AccountView view, TokenExpiry expiry) {
        return of(view, expiry, null);
    }

    /** With when the token was last used, which only the live view knows (it is not an event). */
    static AccountResponse of(AccountView view, TokenExpiry expiry, Instant tokenLastUsedAt) {
        return new AccountResponse(view.getAccountId(), view.getSubject(), view.getFirstName(), view.getLastName(), view.getEmail(),
                view.hasAvatar() ? AvatarController.url(view) : null,
                view.hasToken() ? ApiToken.of(view, expiry, tokenLastUsedAt) : null,
                view.status(), view.getClosedAt(), view.getErasedAt(), view.getVersion(), view.getUpdatedAt());
    }

    /**
     * What the user may see of the API token after the one response that showed it.
     * {@code lastUsedAt} is null when the token was never used (or is not known, as in a past state),
     * and otherwise at most ten minutes behind its last use.
     */
    public record ApiToken(UUID tokenId, String hint, Instant createdAt, Instant expiresAt, TokenStatus status,
                           long daysUntilExpiry, @Nullable Instant lastUsedAt) {

        static ApiToken of(AccountView view, TokenExpiry expiry, Instant lastUsedAt) {
            TokenExpiry.Assessment assessment = expiry.assess(view.getTokenCreatedAt(), view.getTokenExpiresAt());
            return new ApiToken(view.getTokenId(), view.getTokenHint(), view.getTokenCreatedAt(),
                    view.getTokenExpiresAt(), assessment.status(), assessment.daysUntilExpiry(), lastUsedAt);
        }
    }
}
