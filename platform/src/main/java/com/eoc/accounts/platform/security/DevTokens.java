package com.eoc.accounts.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Mints JWTs with the local signing key, for the local run only: what an identity provider
 * would hand out, so that a newcomer (and the tests) can call the API.
 */
public class DevTokens {

    private final JwtEncoder encoder;
    private final String issuer;
    private final String rolesClaim;
    private final Duration lifetime;
    private final Clock clock;

    /** @param rolesClaim the claim in which the applications read the roles */
    DevTokens(JwtEncoder encoder, String issuer, String rolesClaim, Duration lifetime, Clock clock) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.rolesClaim = rolesClaim;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A signed JWT for {@code subject} with the given roles, valid for the configured lifetime. */
    public String mint(String subject, List<String> roles) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .claim(rolesClaim, List.copyOf(roles))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
