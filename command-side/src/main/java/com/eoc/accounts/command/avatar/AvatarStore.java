package com.eoc.accounts.command.avatar;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Content-addressed image store in PostgreSQL. The same picture uploaded twice is stored once;
 * an image written for a command that then fails is harmless (nothing refers to it).
 */
@Component
public class AvatarStore {

    private final JdbcClient jdbc;

    AvatarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a normalised image (see {@link AvatarImages#normalise}) and answers how to refer to it. */
    public StoredAvatar save(AvatarImages.Normalised image) {
        String digest = DigestUtils.sha256Hex(image.png());
        jdbc.sql("""
                        INSERT INTO command_side.avatar_image (digest, content_type, width, height, size_bytes, content)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (digest) DO NOTHING""")
                .params(digest, AvatarImages.STORED_TYPE, image.width(), image.height(), image.png().length, image.png())
                .update();
        return new StoredAvatar(digest, AvatarImages.STORED_TYPE, image.width(), image.height(), image.png().length);
    }
}
