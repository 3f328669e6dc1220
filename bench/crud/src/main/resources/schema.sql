CREATE SCHEMA IF NOT EXISTS crud;
CREATE TABLE IF NOT EXISTS crud.account (
    id         UUID         NOT NULL PRIMARY KEY,
    first_name VARCHAR(100) NOT NULL,
    last_name  VARCHAR(100) NOT NULL,
    version    BIGINT       NOT NULL
);
