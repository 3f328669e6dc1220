package com.eoc.accounts.command.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.auditproof.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoints' signing key: made on first start, readable by its owner only, and the same key afterwards. */
class AuditSigningKeyTest {

    @TempDir
    Path folder;

    @Test
    void theKeyIsMadeOnceAndReadAgainAfterwards() throws IOException {
        Path file = folder.resolve("missing/audit-signing-key.pem");

        AuditSigningKey made = new AuditSigningKey(file);
        AuditSigningKey read = new AuditSigningKey(file);

        assertThat(read.keyId()).isEqualTo(made.keyId());
        assertThat(SigningKeys.keyId(read.publicKey())).isEqualTo(made.keyId());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("no draft left behind").containsExactly(file);
        }
    }

    @Test
    void aKeyPairGivenInTheFileIsTheOneUsed() throws IOException {
        KeyPair pair = SigningKeys.generate();
        Path file = folder.resolve("given.pem");
        Files.writeString(file, SigningKeys.privatePem(pair.getPrivate()) + SigningKeys.publicPem(pair.getPublic()),
                StandardCharsets.US_ASCII);

        assertThat(new AuditSigningKey(file).keyId()).isEqualTo(SigningKeys.keyId(pair.getPublic()));
    }

    @Test
    void aFileWithoutAKeyPairSaysWhatItMustHold() throws IOException {
        Path file = folder.resolve("not-a-key.pem");
        Files.writeString(file, "hello", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new AuditSigningKey(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must hold an Ed25519 key pair in PEM");
    }
}
