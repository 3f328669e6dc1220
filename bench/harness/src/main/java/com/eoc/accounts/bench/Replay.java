package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Http;
import com.eoc.accounts.harness.Json;
import com.eoc.accounts.harness.Machine;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rebuilding the query side's views from the whole event store: first the store is filled to
 * the wanted size with copies of real events, then the query side is asked to replay all its
 * views, and the benchmark waits until it reports every replay done and caught up.
 */
final class Replay {

    record Result(List<String> processors, long events, double seconds) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** Each loaded account: its registration and this many renames. */
    private static final int RENAMES_PER_ACCOUNT = 9;
    /**
     * Accounts loaded side by side: their events interleave, so a batch of the query side holds
     * events of many accounts, as a busy store's would, not ten of the same one.
     */
    private static final int ACCOUNTS_PER_ROUND = 1000;

    private Replay() {
    }

    static long storedEvents(String jdbcUrl) throws SQLException {
        try (Connection connection = Machine.connect(jdbcUrl); Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM eventstore.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Adds copies of these events for new accounts until the store holds at least {@code target}
     * events; answers how many it added.
     */
    static long fill(String jdbcUrl, StoredEvent registered, StoredEvent renamed, long target) throws SQLException {
        long missing = target - storedEvents(jdbcUrl);
        if (missing <= 0) {
            return 0;
        }
        int perAccount = 1 + RENAMES_PER_ACCOUNT;
        long accounts = (missing + perAccount - 1) / perAccount;
        String email = Json.string(registered.payloadText(), "email");
        long added = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl + "?reWriteBatchedInserts=true", "postgres", "");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                         type, time_stamp, payload_type, payload_revision, payload, meta_data)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (long first = 0; first < accounts; first += ACCOUNTS_PER_ROUND) {
                List<String> ids = new ArrayList<>();
                for (long a = first; a < Math.min(accounts, first + ACCOUNTS_PER_ROUND); a++) {
                    ids.add(UUID.randomUUID().toString());
                }
                for (int sequence = 0; sequence < perAccount; sequence++) {
                    StoredEvent template = sequence == 0 ? registered : renamed;
                    String now = Instant.now().toString();
                    for (String id : ids) {
                        byte[] payload = sequence == 0
                                ? template.payloadFor(id, email, "loaded-" + id + "@example.com")
                                : template.payloadFor(id);
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, id);
                        insert.setLong(3, sequence);
                        insert.setString(4, template.type());
                        insert.setString(5, now);
                        insert.setString(6, template.payloadType());
                        insert.setString(7, template.payloadRevision());
                        insert.setBytes(8, payload);
                        insert.setBytes(9, template.metaData());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    added += ids.size();
                }
                connection.commit();
            }
        }
        return added;
    }

    /**
     * Asks for the replay of every view (each event processor the query side lists) at once, and
     * waits until all of them are done and caught up: the time to rebuild the whole query side.
     */
    static Result run(Http http, URI querySide, String jdbcUrl, CpuMeter cpu) throws Exception {
        URI processors = querySide.resolve("/api/admin/processors");
        List<String> names = Json.strings(http.expectOk(http.get(processors), "GET /api/admin/processors").body(), "name");
        if (names.isEmpty()) {
            throw new IllegalStateException("the query side lists no event processor to replay");
        }
        long started = System.nanoTime();
        cpu.start();
        long head = 0;
        for (String name : names) {
            Http.Response accepted = http.expectOk(http.post(querySide.resolve("/api/admin/processors/" + name + "/replay"), ""),
                    "POST /api/admin/processors/" + name + "/replay");
            head = Math.max(head, Json.number(accepted.body(), "head"));
        }
        for (String name : names) {
            URI processor = querySide.resolve("/api/admin/processors/" + name);
            while (true) {
                String status = http.expectOk(http.get(processor), "GET /api/admin/processors/" + name).body();
                if (Json.bool(status, "failing")) {
                    throw new IllegalStateException("the replay of " + name + " is failing: " + status);
                }
                if (!Json.bool(status, "replaying") && Json.bool(status, "caughtUp")
                        && Json.number(status, "position") >= head) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        cpu.stop();
        return new Result(names, eventsUpTo(jdbcUrl, head), seconds);
    }

    /** Events, not positions: a rolled-back append leaves a gap in the global index. */
    private static long eventsUpTo(String jdbcUrl, long head) throws SQLException {
        try (Connection connection = Machine.connect(jdbcUrl);
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM eventstore.domain_event_entry WHERE global_index <= ?")) {
            count.setLong(1, head);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
