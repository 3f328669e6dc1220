package com.eoc.accounts.command.avatar;

/** An avatar as kept in the image store: named by the hex SHA-256 of its bytes. */
public record StoredAvatar(String digest, String contentType, int width, int height, long sizeBytes) {
}
