package com.eoc.accounts.query.account;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the content-addressed image store ({@code avatarstore.image}) that the command side
 * writes. Images never change, so a digest always names the same bytes.
 */
@Component
class AvatarStoreReader {

    private final JdbcClient jdbc;

    AvatarStoreReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Image> find(String digest) {
        return jdbc.sql("SELECT content_type, content FROM avatarstore.image WHERE digest = ?")
                .param(digest)
                .query((row, number) -> new Image(row.getString("content_type"), row.getBytes("content")))
                .optional();
    }

    record Image(String contentType, byte[] content) {
    }
}
