package com.eoc.accounts.localsigningkey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key that signs the local run's JWTs, made on first start and kept as a JSON Web Key in
 * the local data folder (git-ignored, readable by its owner only). The command side, the query
 * side and the web application read the same file, whichever starts first making it, so a token
 * signed by one is accepted by the others.
 */
public final class LocalSigningKey {

    private LocalSigningKey() {
    }

    /** The key in {@code file}, made there first if there is none; always with its private part. */
    public static RSAKey loadOrCreate(Path file) {
        try {
            KeyFiles.createOnce(file, () -> generate().toJSONString());
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
            if (!key.isPrivate()) {
                throw new IllegalStateException("the local signing key " + file + " holds no private key;"
                        + " delete it to have a new one made");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the local signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the local signing key " + file + " is not an RSA JSON Web Key;"
                    + " delete it to have a new one made", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate the local signing key", e);
        }
    }
}
