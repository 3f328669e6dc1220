package com.eoc.accounts.command.token;

import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.security.ApiTokenIndex.IndexedToken;
import com.eoc.accounts.platform.security.RefusedApiTokenException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * RFC 7662 token introspection for other services: whether an API token may authenticate now,
 * and as whom. Anything that is not such a token is simply inactive, whatever the reason, so
 * that the answer tells a prober nothing.
 */
@Service
class TokenIntrospection {

    static final String TOKEN_TYPE = "api_token";

    private final ApiTokenIndex index;
    private final Clock clock;

    TokenIntrospection(ApiTokenIndex index, ObjectProvider<Clock> clock) {
        this.index = index;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Introspecting a token is using it: its {@code lastUsedAt} moves as when it authenticates. */
    Introspected introspect(String token) {
        try {
            return Introspected.active(index.use(token, clock.instant()));
        } catch (RefusedApiTokenException refused) {
            return Introspected.INACTIVE;
        }
    }

    /** The RFC 7662 answer; an inactive token shows nothing but {@code active: false}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Introspected(boolean active, String sub, Long exp, Long iat,
                        @JsonProperty("token_type") String tokenType) {

        static final Introspected INACTIVE = new Introspected(false, null, null, null, null);

        static Introspected active(IndexedToken token) {
            return new Introspected(true, token.accountId().toString(), token.expiresAt().getEpochSecond(),
                    token.createdAt().getEpochSecond(), TOKEN_TYPE);
        }
    }
}
