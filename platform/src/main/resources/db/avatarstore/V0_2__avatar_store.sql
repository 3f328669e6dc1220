-- Avatar images, content-addressed: the key is the hex SHA-256 of the stored PNG. Like a bucket
-- of an object store: the command side writes an image before the event that names it, the
-- query side serves it by the digest its view holds. Images are never changed in place.
CREATE SCHEMA IF NOT EXISTS avatarstore;

CREATE TABLE avatarstore.image (
    digest       CHAR(64)    NOT NULL PRIMARY KEY,
    content_type VARCHAR(64) NOT NULL,
    width        INT         NOT NULL,
    height       INT         NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    content      BYTEA       NOT NULL,
    stored_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
