package com.eoc.accounts.command.avatar;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes to the content-addressed image store in PostgreSQL ({@code avatarstore.image}, created by
 * the platform's {@code db/avatarstore}). The same picture uploaded twice is stored once, and is
 * deleted once no account uses it ({@link AvatarUses}).
 *
 * <p>Storing an image and deleting it take the same transaction-long lock on its digest
 * ({@code pg_advisory_xact_lock}), and the deletion looks for a use only once it holds the lock,
 * in a statement of its own: an upload of the same picture that is under way when the last
 * account drops it either commits its use first, which the deletion then sees, or waits and
 * stores the picture again.
 */
@Component
public class AvatarStore {

    private final JdbcClient jdbc;

    AvatarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a normalised image (see {@link AvatarNormaliser#normalise}) and answers how to refer to it. */
    public StoredAvatar save(AvatarNormaliser.Normalised image) {
        String digest = DigestUtils.sha256Hex(image.png());
        lock(digest);
        jdbc.sql("""
                        INSERT INTO avatarstore.image (digest, content_type, width, height, size_bytes, content)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (digest) DO NOTHING""")
                .params(digest, AvatarNormaliser.STORED_TYPE, image.width(), image.height(), image.png().length,
                        image.png())
                .update();
        return new StoredAvatar(digest, AvatarNormaliser.STORED_TYPE, image.width(), image.height(),
                image.png().length);
    }

    /** Deletes the image if no account uses it, in the caller's transaction. */
    void deleteIfUnused(String digest) {
        lock(digest);
        jdbc.sql("""
                        DELETE FROM avatarstore.image
                         WHERE digest = ?
                           AND NOT EXISTS (SELECT 1 FROM command_side.avatar_use WHERE digest = ?)""")
                .params(digest, digest)
                .update();
    }

    private void lock(String digest) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(digest).query().singleRow();
    }
}
