package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class LocalSigningKeyTest {

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
        DevTokens tokens = new LocalIdentityProvider(file).devTokens(Duration.ofHours(1));

        String token = tokens.mint("ops-admin", List.of(Roles.ADMIN, Roles.AUDITOR));
        Jwt decoded = new LocalIdentityProvider(file).localJwtDecoder().decode(token);

        assertThat(decoded.getSubject()).isEqualTo("ops-admin");
        assertThat(decoded.getClaimAsStringList(Roles.CLAIM)).containsExactly(Roles.ADMIN, Roles.AUDITOR);
        assertThat(decoded.getClaimAsString("iss")).isEqualTo(LocalIdentityProvider.ISSUER);
        assertThat(Duration.between(decoded.getIssuedAt(), decoded.getExpiresAt())).isEqualTo(Duration.ofHours(1));

        JwtDecoder otherKey = new LocalIdentityProvider(folder.resolve("other-key.json")).localJwtDecoder();
        assertThatThrownBy(() -> otherKey.decode(token)).isInstanceOf(JwtException.class);
    }
}
