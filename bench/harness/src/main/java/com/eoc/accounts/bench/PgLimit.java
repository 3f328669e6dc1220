package com.eoc.accounts.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The physical limit of this PostgreSQL for the command side's work: one event-shaped row per
 * transaction, committed (so flushed to disk), from as many connections as there are clients,
 * into a copy of the event table with the same keys. No application, no HTTP.
 */
final class PgLimit {

    private PgLimit() {
    }

    static ClosedLoop.Result measure(Settings settings, StoredEvent renamed, CpuMeter cpu) throws Exception {
        try (Connection setup = connect(settings.jdbcUrl()); Statement ddl = setup.createStatement()) {
            ddl.execute("CREATE SCHEMA IF NOT EXISTS bench");
            ddl.execute("DROP TABLE IF EXISTS bench.pg_limit");
            // the event table's columns and keys (eventstore.domain_event_entry), nothing else
            ddl.execute("""
                    CREATE TABLE bench.pg_limit (
                        global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
                        event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number      BIGINT       NOT NULL,
                        type                 VARCHAR(255),
                        time_stamp           VARCHAR(255) NOT NULL,
                        payload_type         VARCHAR(255) NOT NULL,
                        payload_revision     VARCHAR(255),
                        payload              BYTEA        NOT NULL,
                        meta_data            BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (int i = 0; i < settings.clients(); i++) {
                Connection connection = connect(settings.jdbcUrl());
                connections.add(connection);
                inserts.add(connection.prepareStatement("""
                        INSERT INTO bench.pg_limit (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""));
            }
            return ClosedLoop.run("pg-limit", settings.clients(), settings.warmup(), settings.measure(), cpu, client -> {
                PreparedStatement insert = inserts.get(client);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setLong(3, 0);
                insert.setString(4, renamed.type());
                insert.setString(5, Instant.now().toString());
                insert.setString(6, renamed.payloadType());
                insert.setString(7, renamed.payloadRevision());
                insert.setBytes(8, renamed.payload());
                insert.setBytes(9, renamed.metaData());
                insert.executeUpdate(); // auto-commit: one transaction per row
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
