package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.localsigningkey.LocalSigningKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class LocalSigningKeyTest {

    /** The environment of a local run: no identity provider is configured. */
    private static final MockEnvironment NO_IDENTITY_PROVIDER = new MockEnvironment();
    private static final String ISSUER = LocalIdentityProvider.DEFAULT_ISSUER;

    @TempDir
    Path folder;

    @Test
    void theKeyIsMadeOnceInMissingFoldersAndReusedAfterwards() throws Exception {
        Path file = folder.resolve(".local/keys/dev-signing-key.json");

        RSAKey made = LocalSigningKey.loadOrCreate(file);
        String written = Files.readString(file);
        RSAKey again = LocalSigningKey.loadOrCreate(file);

        assertThat(made.isPrivate()).isTrue();
        assertThat(again.getKeyID()).isEqualTo(made.getKeyID());
        assertThat(again.toRSAPublicKey()).isEqualTo(made.toRSAPublicKey());
        assertThat(Files.readString(file)).isEqualTo(written);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no draft is left behind").containsExactly(file);
        }
    }

    @RepeatedTest(3)
    void ofTwoApplicationsMakingTheKeyAtOnceBothUseTheOneThatWasWritten() throws Exception {
        Path file = folder.resolve(".local/dev-signing-key.json");
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<RSAKey> start = () -> {
            together.await();
            return LocalSigningKey.loadOrCreate(file);
        };
        ExecutorService applications = Executors.newFixedThreadPool(2);
        try {
            Future<RSAKey> one = applications.submit(start);
            Future<RSAKey> other = applications.submit(start);
            String keyOfOne = one.get(1, TimeUnit.MINUTES).toJSONString();
            String keyOfOther = other.get(1, TimeUnit.MINUTES).toJSONString();

            assertThat(keyOfOther).as("both use one key").isEqualTo(keyOfOne);
            assertThat(RSAKey.parse(Files.readString(file)).toJSONString()).as("the key in the file")
                    .isEqualTo(keyOfOne);
        } finally {
            applications.shutdownNow();
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no draft is left behind").containsExactly(file);
        }
    }

    @Test
    void onlyItsOwnerMayReadTheKey() throws IOException {
        Path file = folder.resolve("dev-signing-key.json");

        LocalSigningKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aFileThatIsNoKeySaysHowToGetANewOne() throws IOException {
        Path file = folder.resolve("dev-signing-key.json");
        Files.writeString(file, "{\"not\":\"a key\"}");

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete it");
    }

    @Test
    void aJwtFromDevTokensIsAcceptedByTheDecoderOfTheSameKeyOnly() throws Exception {
        Path file = folder.resolve("dev-signing-key.json");
        DevTokens tokens =
                new LocalIdentityProvider(file, ISSUER, NO_IDENTITY_PROVIDER).devTokens(Duration.ofHours(1), "roles");

        String token = tokens.mint("ops-admin", List.of(Roles.ADMIN, Roles.AUDITOR));
        Jwt decoded = new LocalIdentityProvider(file, ISSUER, NO_IDENTITY_PROVIDER).localJwtDecoder().decode(token);

        assertThat(decoded.getSubject()).isEqualTo("ops-admin");
        assertThat(decoded.getClaimAsStringList("roles")).containsExactly(Roles.ADMIN, Roles.AUDITOR);
        assertThat(decoded.getClaimAsString("iss")).isEqualTo("http://localhost:8000");
        assertThat(Duration.between(decoded.getIssuedAt(), decoded.getExpiresAt())).isEqualTo(Duration.ofHours(1));

        JwtDecoder otherKey =
                new LocalIdentityProvider(folder.resolve("other-key.json"), ISSUER, NO_IDENTITY_PROVIDER).localJwtDecoder();
        assertThatThrownBy(() -> otherKey.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void theDecoderRequiresTheConfiguredIssuer() throws Exception {
        Path file = folder.resolve("dev-signing-key.json");
        String token = new LocalIdentityProvider(file, "http://localhost:9000", NO_IDENTITY_PROVIDER)
                .devTokens(Duration.ofHours(1), "roles").mint("ops-admin", List.of(Roles.ADMIN));

        JwtDecoder sameKeyOtherIssuer = new LocalIdentityProvider(file, ISSUER, NO_IDENTITY_PROVIDER).localJwtDecoder();
        assertThatThrownBy(() -> sameKeyOtherIssuer.decode(token)).isInstanceOf(JwtException.class);
        assertThat(new LocalIdentityProvider(file, "http://localhost:9000", NO_IDENTITY_PROVIDER).localJwtDecoder()
                .decode(token).getClaimAsString("iss")).isEqualTo("http://localhost:9000");
    }

    @Test
    void anIssuerThatIsNoUrlIsRefusedAtStartUp() {
        Path file = folder.resolve("dev-signing-key.json");

        for (String notAUrl : List.of("eoc-local", "localhost:8000", "ftp://localhost", "http://")) {
            assertThatThrownBy(() -> new LocalIdentityProvider(file, notAUrl, NO_IDENTITY_PROVIDER))
                    .as(notAUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("LOCAL_ISSUER");
        }
    }
}
