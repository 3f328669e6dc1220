package com.eoc.accounts.query;

import com.eoc.accounts.platform.security.LocalIdentityProvider;
import com.eoc.accounts.platform.security.Roles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * JWTs for calling the application under test, signed as the local profile's identity provider
 * signs them: with the key file that {@code config/application.properties} names, which the first
 * application context of the test JVM creates. Also the JWTs that must be refused: expired, or
 * signed with another key. Times are the system's, as the decoder checks them against it.
 */
public final class TestJwts {

    /** {@code accounts.security.local.signing-key-file} of the tests. */
    private static final Path SIGNING_KEY_FILE = Path.of("target/test-signing-key.json");
    private static final Duration LIFETIME = Duration.ofHours(1);

    private TestJwts() {
    }

    /** An administrator, allowed everything on this side. */
    public static String admin() {
        return mint("integration-test-admin", Roles.ADMIN);
    }

    /** A valid JWT of {@code subject} with the given roles (none for an account's owner). */
    public static String mint(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(LocalKey.KEY, subject, List.of(roles), now, now.plus(LIFETIME));
    }

    /** Signed by the identity provider, but expired two minutes ago: beyond the decoder's minute of clock skew. */
    public static String expired(String subject, String... roles) {
        Instant expiry = Instant.now().minus(Duration.ofMinutes(2));
        return sign(LocalKey.KEY, subject, List.of(roles), expiry.minus(LIFETIME), expiry);
    }

    /** Well formed and valid but for its signature: made with a key that is not the identity provider's. */
    public static String forged(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(OtherKey.KEY, subject, List.of(roles), now, now.plus(LIFETIME));
    }

    private static String sign(RSAKey key, String subject, List<String> roles, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(LocalIdentityProvider.ISSUER)
                .subject(subject)
                .claim(Roles.CLAIM, roles)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    /** Read on first use, once an application context has made the file. */
    private static final class LocalKey {
        static final RSAKey KEY = read();

        private static RSAKey read() {
            try {
                return RSAKey.parse(Files.readString(SIGNING_KEY_FILE, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("no local signing key yet: start an application context first", e);
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class OtherKey {
        static final RSAKey KEY = generate();

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("forger").generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
