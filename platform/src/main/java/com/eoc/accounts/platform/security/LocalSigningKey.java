package com.eoc.accounts.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key that signs the local run's JWTs, made on first start and kept as a JSON Web Key in
 * the local data folder (git-ignored, readable by its owner only). Both applications read the
 * same file, so a token minted by one is accepted by the other.
 */
final class LocalSigningKey {

    private LocalSigningKey() {
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the local signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the local signing key " + file + " is not an RSA JSON Web Key;"
                    + " delete it to have a new one made", e);
        }
    }

    private static void create(Path file) throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate the local signing key", e);
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, ".signing-key", ".tmp");
        try {
            if (Files.getFileStore(draft).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(draft, key.toJSONString(), StandardCharsets.US_ASCII);
            // a link is made only if no file has the name yet: of two applications starting
            // together, the first wins and the other reads the winner's key
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException theOtherApplicationWasFirst) {
            // fall through to reading it
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
