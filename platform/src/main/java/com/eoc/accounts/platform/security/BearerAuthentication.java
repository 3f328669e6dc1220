package com.eoc.accounts.platform.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Both kinds of bearer credentials: a token with the API token's prefix is one (and is never
 * sent to the JWT decoder); anything else must be a JWT signed by the identity provider, whose
 * {@code sub} is the caller and whose roles {@code jwtRoles} reads.
 */
final class BearerAuthentication implements AuthenticationManager {

    private final AuthenticationManager apiTokens;
    private final AuthenticationManager jwts;

    BearerAuthentication(AuthenticationManager apiTokens, JwtDecoder jwtDecoder, JwtAuthenticationConverter jwtRoles) {
        JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(jwtDecoder);
        jwtProvider.setJwtAuthenticationConverter(jwtRoles);
        this.apiTokens = apiTokens;
        this.jwts = new ProviderManager(jwtProvider);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return token.startsWith(ApiTokenFormat.PREFIX) ? apiTokens.authenticate(authentication)
                : jwts.authenticate(authentication);
    }
}
