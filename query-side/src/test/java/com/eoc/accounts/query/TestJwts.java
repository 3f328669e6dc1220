package com.eoc.accounts.query;

import com.eoc.accounts.platform.security.LocalIdentityProvider;
import com.eoc.accounts.platform.security.Roles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * JWTs for calling the application under test, signed as the local profile's identity provider
 * signs them: with the key file that {@code config/application.properties} names, which the first
 * application context of the test JVM creates. Also the JWTs that must be refused: expired, not
 * yet valid, signed with another key or not at all, from another issuer, or missing a claim the
 * service needs. Times are the system's, as the decoder checks them against it.
 */
public final class TestJwts {

    /** {@code accounts.security.local.signing-key-file} of the tests. */
    private static final Path SIGNING_KEY_FILE = Path.of("target/test-signing-key.json");
    private static final Duration LIFETIME = Duration.ofHours(1);
    /** Beyond the decoder's minute of clock skew. */
    private static final Duration BEYOND_SKEW = Duration.ofMinutes(2);

    private TestJwts() {
    }

    /** An administrator, allowed everything on this side. */
    public static String admin() {
        return mint("integration-test-admin", Roles.ADMIN);
    }

    /** A valid JWT of {@code subject} with the given roles (none for an account's owner). */
    public static String mint(String subject, String... roles) {
        return sign(LocalKey.KEY, claims(subject, roles).build());
    }

    /** Signed by the identity provider, but expired two minutes ago. */
    public static String expired(String subject, String... roles) {
        Instant expiry = Instant.now().minus(BEYOND_SKEW);
        return sign(LocalKey.KEY, claims(subject, roles)
                .issueTime(Date.from(expiry.minus(LIFETIME))).expirationTime(Date.from(expiry)).build());
    }

    /** Signed by the identity provider, but valid only from two minutes on ({@code nbf}). */
    public static String notYetValid(String subject, String... roles) {
        return sign(LocalKey.KEY, claims(subject, roles).notBeforeTime(Date.from(Instant.now().plus(BEYOND_SKEW)))
                .build());
    }

    /** Well formed and valid but for its signature: made with a key that is not the identity provider's. */
    public static String forged(String subject, String... roles) {
        return sign(OtherKey.KEY, claims(subject, roles).build());
    }

    /** Valid in every claim but not signed at all ({@code "alg": "none"}). */
    public static String unsigned(String subject, String... roles) {
        return new PlainJWT(claims(subject, roles).build()).serialize();
    }

    /** Signed with the identity provider's key, but naming another issuer. */
    public static String fromAnotherIssuer(String subject, String... roles) {
        return sign(LocalKey.KEY, claims(subject, roles).issuer("https://elsewhere.example").build());
    }

    /** Signed by the identity provider, without {@code sub}: nobody to act as. */
    public static String withoutSubject(String... roles) {
        return sign(LocalKey.KEY, claims(null, roles).build());
    }

    /** Signed by the identity provider, without {@code exp}: it would be valid forever. */
    public static String withoutExpiry(String subject, String... roles) {
        return sign(LocalKey.KEY, claims(subject, roles).expirationTime(null).build());
    }

    /** The claims of a valid JWT issued now, to change for one that is not. */
    private static JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(LocalIdentityProvider.DEFAULT_ISSUER)
                .subject(subject)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
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
