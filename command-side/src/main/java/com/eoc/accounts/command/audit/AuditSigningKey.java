package com.eoc.accounts.command.audit;

import com.eoc.accounts.auditproof.SigningKeys;
import com.eoc.accounts.localsigningkey.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs the checkpoints, from a PEM file ({@code accounts.audit.signing-key-file})
 * that holds its private part (PKCS #8) and its public part: made there on first start if there is
 * none, readable by its owner only. With OpenSSL: {@code openssl genpkey -algorithm ed25519 -out key.pem
 * && openssl pkey -in key.pem -pubout >> key.pem}. Every command-side node
 * must read the same file, or auditors would need to trust one key per node.
 */
@Component
class AuditSigningKey {

    private static final Logger log = LoggerFactory.getLogger(AuditSigningKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    AuditSigningKey(@Value("${accounts.audit.signing-key-file}") Path file) {
        String pem = loadOrCreate(file);
        try {
            this.privateKey = SigningKeys.readPrivate(pem);
            this.publicKey = SigningKeys.readPublic(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the audit signing key file " + file + " must hold an Ed25519 key pair in PEM,"
                    + " a PRIVATE KEY block and its PUBLIC KEY block: " + e.getMessage(), e);
        }
        this.keyId = SigningKeys.keyId(publicKey);
        log.info("Checkpoints are signed with the Ed25519 key {} from {}", keyId, file);
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String keyId() {
        return keyId;
    }

    private static String loadOrCreate(Path file) {
        try {
            if (KeyFiles.createOnce(file, AuditSigningKey::newPair)) {
                log.warn("Made a new audit signing key in {}: keep it, auditors trust its public part", file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the audit signing key " + file, e);
        }
    }

    private static String newPair() {
        KeyPair pair = SigningKeys.generate();
        return SigningKeys.privatePem(pair.getPrivate()) + SigningKeys.publicPem(pair.getPublic());
    }
}
