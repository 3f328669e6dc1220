package com.eoc.accounts.web.localidp;

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
 * The local identity provider's own credential towards the query side: a short-lived
 * administrator's JWT, signed with the same key as the users' tokens, to look accounts up at sign-in.
 */
final class SelfIssuedTokens {

    /** Who the sides see as the caller of the look-ups. */
    static final String SUBJECT = "local-identity-provider";
    private static final Duration LIFETIME = Duration.ofMinutes(1);

    private final JwtEncoder encoder;
    private final String issuer;
    private final Clock clock;

    SelfIssuedTokens(JwtEncoder encoder, String issuer, Clock clock) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.clock = clock;
    }

    String administrator() {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(SUBJECT)
                .claim(LocalAuthorizationServer.ROLES_CLAIM, List.of(LocalUsers.ADMIN))
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
