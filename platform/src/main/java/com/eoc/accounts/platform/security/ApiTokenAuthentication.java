package com.eoc.accounts.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller authenticated with a personal API token: the account that owns it, with the single
 * role {@link Roles#API_TOKEN}. It holds no credentials: the token itself is not kept.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final UUID accountId;
    private final Instant expiresAt;

    ApiTokenAuthentication(UUID accountId, Instant expiresAt) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + Roles.API_TOKEN)));
        this.accountId = accountId;
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    public UUID accountId() {
        return accountId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return accountId.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiTokenAuthentication that && super.equals(that)
                && accountId.equals(that.accountId) && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + accountId.hashCode();
    }
}
