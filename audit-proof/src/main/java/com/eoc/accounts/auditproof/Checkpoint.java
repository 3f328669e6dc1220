package com.eoc.accounts.auditproof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A signed statement of the whole log up to a position: the event store's global index it covers,
 * how many events that is, and the root of their {@link MerkleTree}. Signed with Ed25519 (the
 * JDK's), by the key whose {@link SigningKeys#keyId id} it names.
 *
 * @param position  the highest global index covered; every event at or below it is a leaf
 * @param treeSize  how many events that is
 * @param root      the Merkle tree's root, hexadecimal
 * @param signedAt  when it was signed
 * @param keyId     which key signed it
 * @param signature the Ed25519 signature of {@link #statement()}, Base64
 */
public record Checkpoint(long position, long treeSize, String root, Instant signedAt, String keyId, String signature) {

    public static final String STATEMENT = "eoc-accounts/checkpoint/1";

    public Checkpoint {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(keyId, "keyId");
    }

    /** Signs the statement of a tree at a position. */
    public static Checkpoint sign(long position, long treeSize, byte[] root, Instant signedAt, PrivateKey key,
                                  String keyId) {
        Checkpoint unsigned = new Checkpoint(position, treeSize, Sha256.hex(root), signedAt, keyId, "");
        try {
            Signature signer = Signature.getInstance(SigningKeys.ALGORITHM);
            signer.initSign(key);
            signer.update(unsigned.statement());
            return new Checkpoint(position, treeSize, unsigned.root, signedAt, keyId,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint with an " + SigningKeys.ALGORITHM + " key", e);
        }
    }

    /**
     * What is signed: a line each for the statement's name, the position, the tree size, the root
     * and the time of signing (ISO-8601, UTC), in UTF-8.
     */
    public byte[] statement() {
        return (STATEMENT + "\nposition " + position + "\ntree-size " + treeSize + "\nroot " + root
                + "\nsigned-at " + signedAt + "\nkey " + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether this checkpoint was signed by the private half of {@code key}. */
    public boolean isSignedBy(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(SigningKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(statement());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] rootDigest() {
        return Sha256.fromHex(root);
    }
}
