package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.LocalPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both applications as separate processes on one real PostgreSQL, driven over HTTP the way a
 * web client would: an administrator registers the account, then its owner (a JWT whose subject
 * is the account id) sends every command on the command side and reads the query side's view
 * until it shows it.
 */
class AccountLifecycleSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningSystem system;
    private static String databaseUrl;
    private static Application commandSide;
    private static Application querySide;

    @BeforeAll
    static void startBothApplications() {
        system = RunningSystem.get();
        databaseUrl = system.databaseUrl;
        commandSide = system.commandSide;
        querySide = system.querySide;
    }

    @Test
    void theViewFollowsEveryCommand() throws Exception {
        HttpResponse<String> registered = commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}", system.admin());
        assertThat(registered.statusCode()).isEqualTo(201);
        String id = JSON.readTree(registered.body()).get("accountId").asString();
        String view = "/api/accounts/" + id;
        String owner = system.jwt(id);

        JsonNode account = awaitView(view, 0, owner);
        assertThat(account.get("firstName").asString()).isEqualTo("Ada");
        assertThat(account.get("lastName").asString()).isEqualTo("Lovelace");
        assertThat(account.get("email").asString()).isEqualTo("ada@example.com");
        assertThat(account.get("avatarUrl").isNull()).isTrue();
        assertThat(account.get("apiToken").isNull()).isTrue();

        HttpResponse<String> renamed = commandSide.exchange("PUT", view + "/name",
                Body.json("{\"firstName\":\"Ada\",\"lastName\":\"King\"}"), owner, BodyHandlers.ofString(),
                "If-Match", "\"0\"");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(awaitView(view, 1, owner).get("lastName").asString()).isEqualTo("King");

        assertThat(commandSide.send("PUT", view + "/email", "{\"email\":\"ada@king.org\"}", owner).statusCode())
                .isEqualTo(200);
        assertThat(awaitView(view, 2, owner).get("email").asString()).isEqualTo("ada@king.org");

        HttpResponse<String> avatar = commandSide.exchange("PUT", view + "/avatar", Body.png("image", png(800, 600)),
                owner);
        assertThat(avatar.statusCode()).isEqualTo(200);
        String digest = JSON.readTree(avatar.body()).get("avatar").get("digest").asString();
        String avatarUrl = awaitView(view, 3, owner).get("avatarUrl").asString();
        assertThat(avatarUrl).isEqualTo(view + "/avatar?v=" + digest.substring(0, 16));
        HttpResponse<byte[]> image = querySide.exchange("GET", avatarUrl, Body.none(), owner,
                BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.body())))
                .isEqualTo(digest);

        HttpResponse<String> generated = commandSide.send("POST", view + "/api-token", "{\"expiresInDays\":30}", owner);
        assertThat(generated.statusCode()).isEqualTo(201);
        JsonNode token = JSON.readTree(generated.body());
        JsonNode withToken = awaitView(view, 4, owner).get("apiToken");
        assertThat(withToken.get("tokenId").asString()).isEqualTo(token.get("tokenId").asString());
        assertThat(withToken.get("hint").asString()).isEqualTo(token.get("hint").asString());
        assertThat(withToken.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(withToken.get("daysUntilExpiry").asInt()).isEqualTo(30);
        assertThat(Instant.parse(withToken.get("expiresAt").asString()))
                .isEqualTo(Instant.parse(token.get("expiresAt").asString()));
        assertThat(withToken.has("token")).isFalse();

        assertThat(commandSide.send("DELETE", view + "/api-token", null, owner).statusCode()).isEqualTo(204);
        assertThat(awaitView(view, 5, owner).get("apiToken").isNull()).isTrue();

        String plainToken = token.get("token").asString();
        assertThat(dumpEveryTable()).noneMatch(value -> value.contains(plainToken));
        assertThat(commandSide.log()).doesNotContain(plainToken).doesNotContain(owner);
        assertThat(querySide.log()).doesNotContain(plainToken).doesNotContain(owner);
    }

    @Test
    void unknownAccountIs404OnBothSides() throws Exception {
        String path = "/api/accounts/" + UUID.randomUUID();
        assertThat(querySide.send("GET", path, null, system.admin()).statusCode()).isEqualTo(404);
        assertThat(commandSide.send("PUT", path + "/name", "{\"firstName\":\"A\",\"lastName\":\"B\"}",
                system.admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void noTableOfEitherSideHasAnOidColumn() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT table_schema, count(*) FILTER (WHERE data_type = 'oid') AS oids, count(*) AS columns
                     FROM information_schema.columns
                     WHERE table_schema IN
                         ('eventstore', 'avatarstore', 'command_side', 'query_side', 'credentials')
                     GROUP BY table_schema ORDER BY table_schema""")) {
            List<String> schemas = new ArrayList<>();
            while (rows.next()) {
                schemas.add(rows.getString(1));
                assertThat(rows.getLong("oids")).as(rows.getString(1)).isZero();
                assertThat(rows.getLong("columns")).isPositive();
            }
            assertThat(schemas)
                    .containsExactly("avatarstore", "command_side", "credentials", "eventstore", "query_side");
        }
    }

    private static JsonNode awaitView(String path, long version, String bearerToken) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = querySide.send("GET", path, null, bearerToken);
            if (last.statusCode() == 200) {
                JsonNode view = JSON.readTree(last.body());
                if (view.get("version").asLong() >= version) {
                    assertThat(view.get("version").asLong()).isEqualTo(version);
                    return view;
                }
            }
            Application.sleep(50);
        }
        throw new AssertionError("the view never reached version " + version + "; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private static List<String> dumpEveryTable() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("eventstore.domain_event_entry");
            assertThat(tables).anyMatch(Predicate.isEqual("query_side.account_view"));
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            byte[] raw = rows.getBytes(column);
                            if (raw != null) {
                                values.add(new String(raw, StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, LocalPostgres.USER, "");
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
