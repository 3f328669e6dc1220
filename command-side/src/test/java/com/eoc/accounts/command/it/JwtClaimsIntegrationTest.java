package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.LocalIdentityProvider;
import com.eoc.accounts.platform.security.Roles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What a JWT must be beyond well signed: from the local profile's issuer, naming its subject (the
 * actor of the events it causes) and its expiry, and valid now. Each JWT here is signed with the
 * local signing key itself, so that a claim can be left out; one with every claim is accepted, so
 * each refusal is the missing or wrong claim's.
 */
class JwtClaimsIntegrationTest extends LocalRunTest {

    /** {@code accounts.security.local.signing-key-file} of the tests, made when the context started. */
    private static final Path SIGNING_KEY_FILE = Path.of("target/test-signing-key.json");

    @Test
    void aJwtWithEveryClaimIsAccepted() {
        assertThat(registerWith(sign(claims -> claims)).status()).isEqualTo(201);
    }

    @Test
    void aJwtWithoutSubjectIsRefused() {
        assertRefused(registerWith(sign(claims -> claims.subject(null))));
    }

    @Test
    void aJwtWithoutExpiryIsRefused() {
        assertRefused(registerWith(sign(claims -> claims.expirationTime(null))));
    }

    @Test
    void aJwtOfAnotherIssuerIsRefused() {
        assertRefused(registerWith(sign(claims -> claims.issuer("https://id.example.com"))));
    }

    @Test
    void aJwtValidOnlyLaterIsRefused() {
        Instant later = Instant.now().plus(Duration.ofMinutes(5));

        assertRefused(registerWith(sign(claims -> claims.notBeforeTime(Date.from(later)))));
    }

    @Test
    void anUnsignedJwtIsRefused() {
        String unsigned = new PlainJWT(claims().build()).serialize();

        assertRefused(registerWith(unsigned));
    }

    private Http.Reply registerWith(String jwt) {
        return anonymous.as(jwt).post("/api/accounts", registration("Claims", "Test", "claims-" + UUID.randomUUID()
                + "@example.com"));
    }

    private static void assertRefused(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    /** An administrator's claims as the local identity provider makes them, valid for an hour. */
    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(LocalIdentityProvider.DEFAULT_ISSUER)
                .subject(ADMIN_SUBJECT)
                .claim("roles", List.of(Roles.ADMIN))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    /** The administrator's claims, changed, signed RS256 with the local signing key. */
    private static String sign(UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(SIGNING_KEY_FILE, StandardCharsets.US_ASCII));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    change.apply(claims()).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("could not sign with the local signing key " + SIGNING_KEY_FILE, e);
        }
    }
}
