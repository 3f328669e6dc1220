package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.auditproof.ChainedEvent;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tamper evidence, end to end: an account's history is exported over HTTP, and the verifier
 * ({@code java -jar audit-verifier.jar}, in a process of its own, as an auditor runs it) says
 * it is intact; then its rows are changed in PostgreSQL with SQL, as someone with write access to
 * the event table would, and the verifier names the event each time. Each case puts the rows back
 * afterwards, so that the shared database stays what its events say.
 */
class AuditTrailSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENTS = "eventstore.domain_event_entry";

    private static RunningSystem system;
    private static AuditVerifier auditor;

    @TempDir
    static Path folder;

    @BeforeAll
    static void fetchThePublicKey() throws Exception {
        system = RunningSystem.get();
        auditor = new AuditVerifier(system, folder);
    }

    @Test
    void anUntouchedHistoryVerifies() throws Exception {
        String account = accountWithFourEvents("untouched");
        auditor.signCheckpoint();

        AuditVerifier.Verdict verdict = auditor.verify(account);

        assertThat(verdict.exitCode()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("intact: 4 events of account " + account);
    }

    @Test
    void aByteChangedInAPayloadIsNamed() throws Exception {
        String account = accountWithFourEvents("payload");
        auditor.signCheckpoint();
        byte[] original = column(account, 2, "payload");
        try {
            // one byte inside the account id that the payload starts with, still UTF-8
            update(account, 2, "UPDATE " + EVENTS + " SET payload = set_byte(payload, 16, get_byte(payload, 16) # 1)");

            assertNamed(auditor.verify(account), "event 2 (global index", "does not match its chain link");
        } finally {
            restore(account, 2, "payload", original);
        }
    }

    @Test
    void aChangedActorIsNamed() throws Exception {
        String account = accountWithFourEvents("actor");
        auditor.signCheckpoint();
        byte[] original = column(account, 1, "meta_data");
        try {
            update(account, 1, "UPDATE " + EVENTS + " SET meta_data = convert_to(jsonb_set("
                    + "convert_from(meta_data, 'UTF8')::jsonb, '{actor}', '\"mallory\"')::text, 'UTF8')");

            assertNamed(auditor.verify(account), "event 1 (global index", "does not match its chain link");
        } finally {
            restore(account, 1, "meta_data", original);
        }
    }

    @Test
    void aDeletedEventIsNamed() throws Exception {
        String account = accountWithFourEvents("deleted");
        auditor.signCheckpoint();
        try (Connection db = database()) {
            db.setAutoCommit(false);
            // kept aside in this transaction's own table, then put back with its global index
            db.createStatement().execute("CREATE TEMP TABLE deleted_event AS SELECT * FROM " + EVENTS
                    + " WHERE aggregate_identifier = '" + account + "' AND sequence_number = 1");
            update(db, account, 1, "DELETE FROM " + EVENTS);
            db.commit();
            try {
                assertNamed(auditor.verify(account), "event 1 is missing");
            } finally {
                db.createStatement().execute("INSERT INTO " + EVENTS + " SELECT * FROM deleted_event");
                db.commit();
            }
        }
    }

    @Test
    void twoSwappedEventsAreNamed() throws Exception {
        String account = accountWithFourEvents("swapped");
        auditor.signCheckpoint();
        swap(account, 1, 2);
        try {
            assertNamed(auditor.verify(account), "event 1 (global index", "does not match its chain link");
        } finally {
            swap(account, 1, 2);
        }
    }

    @Test
    void aForgedEventWithARecomputedLinkIsNamedUntilACheckpointCoversIt() throws Exception {
        String account = accountWithFourEvents("forged");
        auditor.signCheckpoint();
        appendForgedRename(account);

        assertNamed(auditor.verify(account), "event 4 (global index", "is not covered by a signed checkpoint");
    }

    private static void assertNamed(AuditVerifier.Verdict verdict, String... expected) {
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("NOT INTACT: ").contains(expected);
    }

    /** Registered by an administrator, renamed three times by its owner: events 0 to 3. */
    private static String accountWithFourEvents(String name) throws Exception {
        String email = "audit." + name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Audit\",\"lastName\":\"Trail\",\"email\":\"" + email + "\"}", system.admin());
        assertThat(registered.statusCode()).isEqualTo(201);
        String account = JSON.readTree(registered.body()).get("accountId").asString();
        String owner = system.jwt(account);
        for (String lastName : new String[] {"One", "Two", "Three"}) {
            assertThat(system.commandSide.send("PUT", "/api/accounts/" + account + "/name",
                    "{\"firstName\":\"Audit\",\"lastName\":\"" + lastName + "\"}", owner).statusCode()).isEqualTo(200);
        }
        return account;
    }

    /** A rename with a correct link from the account's last event, as a forger who knows the scheme writes it. */
    private static void appendForgedRename(String account) throws SQLException {
        try (Connection db = database();
             PreparedStatement last = db.prepareStatement("SELECT chain_hash, meta_data FROM " + EVENTS
                     + " WHERE aggregate_identifier = ? AND sequence_number = 3")) {
            last.setString(1, account);
            byte[] previous;
            try (ResultSet row = last.executeQuery()) {
                assertThat(row.next()).isTrue();
                previous = row.getBytes(1);
            }
            byte[] payload = ("{\"accountId\":\"" + account + "\",\"firstName\":\"Forged\",\"lastName\":\"Name\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String timestamp = Instant.now().toString();
            String type = "com.eoc.accounts.events.UserRenamed";
            byte[] link = ChainedEvent.of(account, 4, type, "1", payload, timestamp, account, "forged")
                    .link(previous);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + EVENTS + " (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                    + " payload, meta_data, chain_hash) VALUES (?, ?, 4, 'Account', ?, ?, '1', ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, account);
                insert.setString(3, timestamp);
                insert.setString(4, type);
                insert.setBytes(5, payload);
                insert.setBytes(6, ("{\"actor\":\"" + account + "\",\"correlationId\":\"forged\"}")
                        .getBytes(StandardCharsets.UTF_8));
                insert.setBytes(7, link);
                insert.executeUpdate();
            }
        }
    }

    private static void swap(String account, long one, long two) throws SQLException {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            update(db, account, one, "UPDATE " + EVENTS + " SET sequence_number = -1");
            update(db, account, two, "UPDATE " + EVENTS + " SET sequence_number = " + one);
            update(db, account, -1, "UPDATE " + EVENTS + " SET sequence_number = " + two);
            db.commit();
        }
    }

    private static byte[] column(String account, long sequence, String column) throws SQLException {
        try (Connection db = database();
             PreparedStatement select = db.prepareStatement("SELECT " + column + " FROM " + EVENTS
                     + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            select.setString(1, account);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static void restore(String account, long sequence, String column, byte[] value) throws SQLException {
        try (Connection db = database();
             PreparedStatement update = db.prepareStatement("UPDATE " + EVENTS + " SET " + column + " = ?"
                     + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            update.setBytes(1, value);
            update.setString(2, account);
            update.setLong(3, sequence);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void update(String account, long sequence, String statement) throws SQLException {
        try (Connection db = database()) {
            update(db, account, sequence, statement);
        }
    }

    /** {@code statement} (an UPDATE or DELETE of the event table) on one event. */
    private static void update(Connection db, String account, long sequence, String statement) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(statement
                + " WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            update.setString(1, account);
            update.setLong(2, sequence);
            assertThat(update.executeUpdate()).as(statement).isEqualTo(1);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(system.databaseUrl, "postgres", "");
    }
}
