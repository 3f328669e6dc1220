package com.eoc.accounts.platform.security;

import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.util.StringUtils;

/**
 * What a JWT must say beyond a valid signature, issuer and times: who the caller is ({@code sub},
 * recorded as the actor of every event it causes) and when it stops being valid ({@code exp};
 * Spring accepts a JWT without one, which would never expire).
 */
final class RequiredClaims {

    private RequiredClaims() {
    }

    static OAuth2TokenValidator<Jwt> validator() {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    }
}
