package com.eoc.accounts.web.localidp;

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
 * The local run's signing key: the RSA JSON Web Key file that the command side and the query side
 * check their local JWTs against. The sides make it on their first start; if this application
 * starts first, it makes it the same way (readable by its owner only; of two processes making it
 * at once, the first one's key wins and the other reads it).
 */
final class SigningKeyFile {

    private SigningKeyFile() {
    }

    static RSAKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
            if (!key.isPrivate()) {
                throw new IllegalStateException("the local signing key " + file + " holds no private key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the local signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the local signing key " + file + " is not an RSA JSON Web Key", e);
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
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // read the winner's key
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
