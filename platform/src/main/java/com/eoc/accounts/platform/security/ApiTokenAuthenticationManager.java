package com.eoc.accounts.platform.security;

import com.eoc.accounts.platform.security.ApiTokenIndex.IndexedToken;
import java.time.Clock;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates {@code Authorization: Bearer eoc_…}: a token that is well formed, indexed (so not
 * deleted) and not expired stands for the account that owns it. The messages of its failures
 * say what was wrong without repeating the token.
 */
class ApiTokenAuthenticationManager implements AuthenticationManager {

    private final ApiTokenIndex index;
    private final Clock clock;

    ApiTokenAuthenticationManager(ApiTokenIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        IndexedToken used = index.use(token, clock.instant());
        return new ApiTokenAuthentication(used.accountId(), used.expiresAt());
    }
}
