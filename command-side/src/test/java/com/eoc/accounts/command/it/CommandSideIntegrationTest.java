package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.eventstore.AppendNotifications;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real path: HTTP, aggregate, event store and lookups on a real PostgreSQL, as an administrator. */
@ExtendWith(OutputCaptureExtension.class)
class CommandSideIntegrationTest extends LocalRunTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @AfterAll
    static void tearDown() {
        POOL.shutdownNow();
    }

    /** No span leaves the application unless an OTLP endpoint is configured: no exporter is made. */
    @Test
    void nothingIsExportedWithoutAnEndpoint() {
        assertThat(context.getBeanProvider(SpanExporter.class).stream()).isEmpty();
        assertThat(context.getBeanProvider(OpenTelemetry.class).getIfAvailable()).isNotNull();
    }

    /**
     * Axon's message metrics count and time the commands (with buckets for their percentiles) and
     * the appended events; the lookups that run inside a command have none of their own.
     */
    @Test
    void axonsMonitorsCoverTheCommandsButNotTheLookupsInsideThem() {
        register();

        Http.Reply scrape = admin.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("commandBus_successCounter_total{", "payloadType=\"RegisterAccount\"",
                "eventStore_ingestedCounter_total{", "commandBus_allTimer_seconds_bucket{");
        assertThat(scrape.body()).doesNotContain("eventProcessor_");
    }

    /**
     * The query side asks for asynchronous commits (its data is derived); the command side keeps
     * the server's setting for the events, which is on in production (these tests' database
     * turns it off for speed).
     */
    @Test
    void eventsAreCommittedAsDurablyAsTheServerSays() {
        assertThat(jdbc.sql("SELECT source FROM pg_settings WHERE name = 'synchronous_commit'").query(String.class)
                .single()).isNotIn("client", "session");
    }

    /**
     * The query side reads new events when told, not at its next poll. (That the notification's
     * commit does not wait for the disk cannot show here, where the test database's commits never
     * do; {@code bench/run} counts the WAL flushes per command.)
     */
    @Test
    void aCommittedCommandNotifiesTheQuerySide() throws SQLException {
        try (Connection listening = dataSource.getConnection(); Statement listen = listening.createStatement()) {
            listen.execute("LISTEN " + AppendNotifications.CHANNEL);
            try {
                PGConnection notifications = listening.unwrap(PGConnection.class);
                // a late notification of an earlier test's command
                notifications.getNotifications(200);

                register();

                List<String> channels = new ArrayList<>();
                for (int wait = 0; wait < 100 && channels.isEmpty(); wait++) {
                    PGNotification[] received = notifications.getNotifications(100);
                    if (received != null) {
                        Arrays.stream(received).map(PGNotification::getName).forEach(channels::add);
                    }
                }
                assertThat(channels).isNotEmpty().containsOnly(AppendNotifications.CHANNEL);
            } finally {
                listen.execute("UNLISTEN *");
            }
        }
    }

    @Test
    void everyCommandAppendsOneEventWithActorAndCorrelationId() throws IOException {
        String id = register("Ada", "Lovelace", "ada.events@example.com");

        Http.Reply renamed = admin.put("/api/accounts/" + id + "/name",
                "{\"firstName\":\"Ada\",\"lastName\":\"King\"}", "\"0\"");
        assertThat(renamed.status()).isEqualTo(200);
        Http.Reply emailChanged = admin.put("/api/accounts/" + id + "/email", "{\"email\":\"ada.king@example.com\"}", null);
        assertThat(emailChanged.status()).isEqualTo(200);
        Http.Reply avatar = admin.putImage("/api/accounts/" + id + "/avatar", png(1024, 768));
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.json().get("avatar").get("width").asInt()).isEqualTo(512);
        assertThat(avatar.json().get("avatar").get("height").asInt()).isEqualTo(384);
        Http.Reply token = owner(id).post("/api/accounts/" + id + "/api-token", "{\"expiresInDays\":7}");
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.header("ETag")).isEqualTo("\"4\"");
        Http.Reply deleted = admin.delete("/api/accounts/" + id + "/api-token");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.header("ETag")).isEqualTo("\"5\"");

        List<Map<String, Object>> events = jdbc.sql("""
                        SELECT sequence_number, payload_type, payload_revision, convert_from(meta_data, 'UTF8') AS meta
                        FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(id).query().listOfRows();
        assertThat(events).extracting(row -> row.get("payload_type")).containsExactly(
                "com.eoc.accounts.events.AccountRegistered", "com.eoc.accounts.events.UserRenamed",
                "com.eoc.accounts.events.EmailChanged", "com.eoc.accounts.events.AvatarChanged",
                "com.eoc.accounts.events.TokenGenerated", "com.eoc.accounts.events.TokenDeleted");
        assertThat(events).extracting(row -> ((Number) row.get("sequence_number")).longValue())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        // AccountRegistered gained its subject in revision 2
        assertThat(events).extracting(row -> row.get("payload_revision"))
                .containsExactly("2", "1", "1", "1", "1", "1");
        // the token was generated by its owner, the only one who may; all else by the administrator
        assertThat(events).extracting(row -> JsonMapper.builder().build().readTree((String) row.get("meta"))
                .get("actor").asString())
                .containsExactly(ADMIN_SUBJECT, ADMIN_SUBJECT, ADMIN_SUBJECT, ADMIN_SUBJECT, id, ADMIN_SUBJECT);
        // each event names the request that caused it, as its caller was told
        assertThat(events).extracting(row -> JsonMapper.builder().build().readTree((String) row.get("meta"))
                .get("correlationId").asString()).first().asString().isNotBlank();
        assertThat(events.subList(1, events.size())).extracting(row -> JsonMapper.builder().build()
                        .readTree((String) row.get("meta")).get("correlationId").asString())
                .containsExactlyElementsOf(Stream.of(renamed, emailChanged, avatar, token, deleted)
                        .map(reply -> reply.header("X-Correlation-Id")).toList())
                .doesNotHaveDuplicates();
        String digest = avatar.json().get("avatar").get("digest").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM avatarstore.image WHERE digest = ?").param(digest)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoCommandsWithTheSameIfMatchExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = register("Grace", "Hopper", "grace" + round + "@example.com");
            String path = "/api/accounts/" + id + "/name";

            List<Integer> statuses = race(
                    () -> admin.put(path, "{\"firstName\":\"Grace\",\"lastName\":\"Brewster\"}", "\"0\"").status(),
                    () -> admin.put(path, "{\"firstName\":\"Amazing\",\"lastName\":\"Grace\"}", "\"0\"").status());

            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            assertThat(eventCount(id)).isEqualTo(2);
        }
    }

    @Test
    void twoRegistrationsWithOneEmailExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String email = "race" + round + "@example.com";
            long events = totalEvents();
            List<Integer> statuses = race(
                    () -> admin.post("/api/accounts", registration("A", "B", email)).status(),
                    () -> admin.post("/api/accounts", registration("C", "D", email.toUpperCase())).status());

            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            assertThat(jdbc.sql("SELECT count(*) FROM command_side.email_index WHERE email_key = ?").param(email)
                    .query(Long.class).single()).isEqualTo(1);
            // the loser's AccountRegistered went with its refused claim
            assertThat(totalEvents()).isEqualTo(events + 1);
        }
    }

    @Test
    void anEmailFreedByAChangeCanBeTakenByAnotherAccount() {
        String first = register("Ada", "Lovelace", "shared@example.com");
        assertThat(admin.post("/api/accounts", registration("Other", "One", "Shared@Example.com")).status())
                .isEqualTo(409);

        assertThat(admin.put("/api/accounts/" + first + "/email", "{\"email\":\"moved@example.com\"}", null).status())
                .isEqualTo(200);

        assertThat(admin.post("/api/accounts", registration("Other", "One", "shared@example.com")).status())
                .isEqualTo(201);
        assertThat(admin.put("/api/accounts/" + first + "/email", "{\"email\":\"SHARED@example.com\"}", null).status())
                .isEqualTo(409);
    }

    @Test
    void badInputIsRefusedAndStoresNothing() throws IOException {
        String id = register("Alan", "Turing", "alan@example.com");
        long events = totalEvents();
        long images = jdbc.sql("SELECT count(*) FROM avatarstore.image").query(Long.class).single();

        assertThat(admin.post("/api/accounts", registration("", "x", "bad")).status()).isEqualTo(400);
        assertThat(admin.post("/api/accounts", "{\"firstName\":").status()).isEqualTo(400);
        assertThat(admin.post("/api/accounts", "[1,2]").status()).isEqualTo(400);
        assertThat(admin.put("/api/accounts/" + id + "/name", "{\"firstName\":[],\"lastName\":\"T\"}", null).status())
                .isEqualTo(400);
        assertThat(owner(id).post("/api/accounts/" + id + "/api-token", "{\"expiresInDays\":8}").status())
                .isEqualTo(400);
        assertThat(admin.put("/api/accounts/00000000-0000-0000-0000-000000000000/name",
                "{\"firstName\":\"A\",\"lastName\":\"B\"}", null).status()).isEqualTo(404);
        assertThat(admin.putImage("/api/accounts/00000000-0000-0000-0000-000000000000/avatar", png(20, 20)).status())
                .isEqualTo(404);
        assertThat(admin.putImage("/api/accounts/" + id + "/avatar", "GIF89a broken".getBytes()).status())
                .isEqualTo(400);
        assertThat(admin.delete("/api/accounts/" + id + "/api-token").status()).isEqualTo(404);

        assertThat(totalEvents()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM avatarstore.image").query(Long.class).single())
                .isEqualTo(images);
    }

    @Test
    void uploadAbove5MiBIs413() throws IOException {
        String id = register("Big", "Picture", "big@example.com");
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        byte[] png = png(10, 10);
        System.arraycopy(png, 0, tooLarge, 0, png.length);

        Http.Reply reply = admin.putImage("/api/accounts/" + id + "/avatar", tooLarge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void noColumnAnywhereIsAnOid() {
        List<String> oidColumns = jdbc.sql("""
                        SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                        WHERE data_type = 'oid' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")
                .query(String.class).list();
        assertThat(oidColumns).isEmpty();
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_schema = 'eventstore' "
                + "AND table_name = 'domain_event_entry' AND column_name = 'payload'").query(String.class).single())
                .isEqualTo("bytea");
    }

    @Test
    void aGeneratedTokenIsInNoTableAndNoLogLine(CapturedOutput output) throws SQLException {
        String id = register("Token", "Holder", "holder@example.com");
        Http.Reply reply = owner(id).post("/api/accounts/" + id + "/api-token", "{\"expiresInDays\":30}");
        assertThat(reply.status()).isEqualTo(201);
        String token = reply.json().get("token").asString();
        String hint = reply.json().get("hint").asString();
        assertThat(token).startsWith("eoc_").endsWith(hint);

        List<String> dump = dumpEveryTable();

        assertThat(dump).isNotEmpty().noneMatch(value -> value.contains(token));
        assertThat(dump).anyMatch(value -> value.contains(hint)); // the dump does reach the event
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void theOpenApiDescriptionListsEveryCommand() {
        Http.Reply reply = anonymous.get("/v3/api-docs");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode paths = reply.json().get("paths");
        assertThat(paths.has("/api/accounts")).isTrue();
        assertThat(paths.get("/api/accounts/{accountId}/name").has("put")).isTrue();
        assertThat(paths.get("/api/accounts/{accountId}/email").has("put")).isTrue();
        assertThat(paths.get("/api/accounts/{accountId}/avatar").has("put")).isTrue();
        assertThat(paths.get("/api/accounts/{accountId}/api-token").has("post")).isTrue();
        assertThat(paths.get("/api/accounts/{accountId}/api-token").has("delete")).isTrue();
    }

    private List<String> dumpEveryTable() throws SQLException {
        List<String> values = new ArrayList<>();
        List<String> tables = jdbc.sql("""
                        SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")
                .query(String.class).list();
        assertThat(tables).contains("eventstore.domain_event_entry", "command_side.email_index");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
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

    private long totalEvents() {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
    }

    /** Starts both calls at the same instant and answers their results. */
    private static List<Integer> race(Callable<Integer> first, Callable<Integer> second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> a = POOL.submit(() -> {
            start.await();
            return first.call();
        });
        Future<Integer> b = POOL.submit(() -> {
            start.await();
            return second.call();
        });
        start.countDown();
        return List.of(a.get(), b.get());
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
