package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.LocalPostgres;
import com.eoc.accounts.system.Accounts.Person;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator erases a closed account's personal data, both applications on one PostgreSQL:
 * the views and the history show its names and email addresses as erased while every other fact
 * stays, its email address is free, its image is gone, the history still verifies against the
 * signed checkpoint, a replay builds the same view, and no table holds its data key or any of its
 * personal values any more.
 */
class ErasureSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SCHEMAS = List.of("eventstore", "credentials", "command_side", "query_side",
            "avatarstore");

    private final RunningSystem system = RunningSystem.get();
    private final Accounts accounts = new Accounts(system);

    @TempDir
    Path folder;

    @Test
    void anErasedAccountKeepsItsHistoryButNothingOfThePerson() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Person person = accounts.register("Zelda" + marker, "Quarrington" + marker);
        String account = "/api/accounts/" + person.id();
        String owner = system.jwt(person.id());
        String renamedFirst = "Zora" + marker;
        String secondEmail = "zq-" + marker + "@example.org";
        send("PUT", account + "/name", "{\"firstName\":\"" + renamedFirst + "\",\"lastName\":\"Quarrington" + marker
                + "\"}", owner);
        send("PUT", account + "/email", "{\"email\":\"" + secondEmail + "\"}", owner);
        HttpResponse<String> uploaded = system.commandSide.exchange("PUT", account + "/avatar",
                Body.png("image", Files.readAllBytes(Images.picture(43, 47))), owner);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String digest = JSON.readTree(uploaded.body()).get("avatar").get("digest").asString();
        accounts.generateToken(person, 30);
        byte[] key = dataKey(person.id());
        assertThat(key).hasSize(32);
        List<String> personal = List.of(person.firstName(), person.lastName(), person.email(), renamedFirst,
                secondEmail);
        assertThat(tablesHolding(personal, key)).as("before the erasure, the view holds the current values")
                .containsKeys("query_side.account_view");

        send("POST", account + "/close", null, system.admin());
        long version = JSON.readTree(send("POST", account + "/erase", null, system.admin()).body())
                .get("version").asLong();

        assertThat(JSON.readTree(send("POST", account + "/erase", null, system.admin()).body()).get("version")
                .asLong()).as("erasing again records nothing").isEqualTo(version);
        HttpResponse<String> reopened = system.commandSide.send("POST", account + "/reopen", null, system.admin());
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(409);
        assertThat(JSON.readTree(reopened.body()).get("type").asString()).isEqualTo("urn:eoc:problem:account-erased");
        JsonNode view = accounts.awaitView(person.id(), version);
        assertThat(view.get("status").asString()).isEqualTo("ERASED");
        for (String field : List.of("firstName", "lastName", "email", "avatarUrl", "apiToken")) {
            assertThat(view.get(field).isNull()).as(field).isTrue();
        }
        assertThat(view.get("erasedAt").isNull()).isFalse();
        JsonNode history = JSON.readTree(system.querySide.send("GET", account + "/history", null,
                system.jwt("system-test-auditor", "auditor")).body());
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asString()));
        assertThat(types).containsExactly("AccountRegistered", "UserRenamed", "EmailChanged", "AvatarChanged",
                "TokenGenerated", "TokenDeleted", "AccountClosed", "PersonalDataErased");
        JsonNode registered = history.get(0);
        assertThat(registered.get("data").get("firstName").isNull()).isTrue();
        assertThat(registered.get("data").get("email").isNull()).isTrue();
        assertThat(registered.get("actor").asString()).isEqualTo("system-test-admin");
        assertThat(registered.get("data").get("accountId").asString()).isEqualTo(person.id());

        AuditVerifier auditor = new AuditVerifier(system, folder);
        auditor.signCheckpoint();
        AuditVerifier.Verdict verdict = auditor.verify(person.id());
        assertThat(verdict.exitCode()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("intact: 8 events");

        assertThat(rows("SELECT count(*) FROM avatarstore.image WHERE digest = ?", digest)).isZero();
        assertThat(tablesHolding(personal, key)).isEmpty();
        // then, and only then (another account would hold it), the email addresses are taken again
        for (String email : List.of(person.email(), secondEmail)) {
            HttpResponse<String> again = system.commandSide.send("POST", "/api/accounts",
                    "{\"firstName\":\"New\",\"lastName\":\"Comer\",\"email\":\"" + email + "\"}", system.admin());
            assertThat(again.statusCode()).as("%s is free again: %s", email, again.body()).isEqualTo(201);
        }

        JsonNode beforeReplay = accounts.view(person.id());
        replayTheAccountView();
        assertThat(accounts.awaitView(person.id(), version)).isEqualTo(beforeReplay);
    }

    private HttpResponse<String> send(String method, String path, String json, String credential) throws Exception {
        HttpResponse<String> answer = system.commandSide.send(method, path, json, credential);
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(200);
        return answer;
    }

    private byte[] dataKey(String accountId) throws Exception {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT data_key FROM credentials.account_data_key WHERE account_id = ?::uuid")) {
            select.setString(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("the account has a data key").isTrue();
                return row.getBytes(1);
            }
        }
    }

    /**
     * Every table of the service's schemas, column by column: the tables whose text or bytes hold one
     * of the values, or the key (as bytes, hex or base64), with the columns where they were found.
     */
    private Map<String, List<String>> tablesHolding(List<String> values, byte[] key) throws Exception {
        Map<String, List<String>> found = new java.util.TreeMap<>();
        List<String> needles = new ArrayList<>(values);
        needles.add(HexFormat.of().formatHex(key));
        needles.add(Base64.getEncoder().encodeToString(key));
        try (Connection db = database(); PreparedStatement columns = db.prepareStatement("""
                SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
                 WHERE table_schema = ANY (?) AND data_type IN ('text', 'character varying', 'character', 'bytea',
                       'jsonb', 'json')""")) {
            columns.setArray(1, db.createArrayOf("text", SCHEMAS.toArray()));
            try (ResultSet column = columns.executeQuery()) {
                while (column.next()) {
                    String table = column.getString(1) + "." + column.getString(2);
                    String name = "\"" + column.getString(3) + "\"";
                    boolean bytes = column.getString(4).equals("bytea");
                    String text = bytes ? "encode(" + name + ", 'escape')" : name + "::text";
                    for (String needle : needles) {
                        if (count(db, "SELECT count(*) FROM " + table + " WHERE position(? IN " + text + ") > 0",
                                needle) > 0) {
                            found.computeIfAbsent(table, t -> new ArrayList<>()).add(column.getString(3));
                        }
                    }
                    if (bytes && count(db, "SELECT count(*) FROM " + table + " WHERE position(? IN " + name
                            + ") > 0", key) > 0) {
                        found.computeIfAbsent(table, t -> new ArrayList<>()).add(column.getString(3) + " (the key)");
                    }
                }
            }
        }
        return found;
    }

    private static long count(Connection db, String sql, Object value) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, value);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private long rows(String sql, String value) throws Exception {
        try (Connection db = database()) {
            return count(db, sql, value);
        }
    }

    private void replayTheAccountView() throws Exception {
        String processor = "/api/admin/processors/accounts";
        HttpResponse<String> replay = system.querySide.send("POST", processor + "/replay", null, system.admin());
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode status = JSON.readTree(system.querySide.send("GET", processor, null, system.admin()).body());
            if (!status.get("replaying").asBoolean() && status.get("caughtUp").asBoolean()
                    && status.get("position").asLong() >= status.get("head").asLong()) {
                return;
            }
            assertThat(Instant.now()).as("the replay ends within a minute: %s", status).isBefore(deadline);
            Application.sleep(100);
        }
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection(system.databaseUrl, LocalPostgres.USER, "");
    }
}
