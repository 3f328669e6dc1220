package com.eoc.accounts.command.avatar;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes to the content-addressed image store in PostgreSQL ({@code avatarstore.image}, created by
 * the platform's {@code db/avatarstore}). The same picture uploaded twice is stored once.
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
}
