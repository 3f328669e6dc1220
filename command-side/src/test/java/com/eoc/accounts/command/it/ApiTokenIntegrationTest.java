package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.ApiTokenFormat;
import com.eoc.accounts.platform.security.Roles;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The API token on the command side: its index ({@code credentials.api_token}) is written in the
 * transaction of the token's events, so a deleted token is refused by the very next request; and
 * a token may send no command at all, not even on its own account. Noting a token's use is best
 * effort: a database that cannot note it fails no request.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenIntegrationTest extends LocalRunTest {

    @Test
    void theIndexHoldsTheTokensHashNeverTheToken() {
        String id = register();
        String token = generateToken(id).json().get("token").asString();

        Map<String, Object> row = jdbc.sql("SELECT * FROM credentials.api_token WHERE account_id = ?::uuid")
                .param(id).query().singleRow();

        assertThat(row.get("token_hash")).isEqualTo(ApiTokenFormat.hash(token));
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(token));
        assertThat(introspect(token).get("active").asBoolean()).isTrue();
    }

    @Test
    void aDeletedTokenIsGoneFromTheIndexWhenTheDeleteAnswers() {
        String id = register();
        String token = generateToken(id).json().get("token").asString();
        assertThat(introspect(token).get("active").asBoolean()).isTrue();
        assertThat(anonymous.as(token).delete("/api/accounts/" + id + "/api-token").status())
                .as("the token authenticates, and may not delete itself").isEqualTo(403);

        assertThat(owner(id).delete("/api/accounts/" + id + "/api-token").status()).isEqualTo(204);

        // no waiting: the row went in the transaction of the TokenDeleted event
        assertThat(jdbc.sql("SELECT count(*) FROM credentials.api_token WHERE account_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
        assertThat(introspect(token).get("active").asBoolean()).isFalse();
        Http.Reply refused = anonymous.as(token).put("/api/accounts/" + id + "/name",
                "{\"firstName\":\"Still\",\"lastName\":\"Here\"}", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(refused.json().get("detail").asString()).contains("deleted").doesNotContain(token);
    }

    @Test
    void aTokenThatCannotBeIndexedIsNotGeneratedEither() {
        String id = register();
        long events = eventCount(id);
        // the index refuses this account's row, as a constraint would
        jdbc.sql("""
                CREATE FUNCTION credentials.refuse_test_row() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'the index refuses this row'; END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_test_row BEFORE INSERT ON credentials.api_token FOR EACH ROW"
                + " WHEN (NEW.account_id = '" + id + "') EXECUTE FUNCTION credentials.refuse_test_row()").update();
        Http.Reply refused;
        try {
            refused = owner(id).post("/api/accounts/" + id + "/api-token", "{\"expiresInDays\":30}");
        } finally {
            jdbc.sql("DROP TRIGGER refuse_test_row ON credentials.api_token").update();
            jdbc.sql("DROP FUNCTION credentials.refuse_test_row()").update();
        }

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount(id)).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = 'com.eoc.accounts.events.TokenGenerated'")
                .param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM credentials.api_token WHERE account_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
        // the account never had that token: the next one is its first, at the next version
        Http.Reply retried = generateToken(id);
        assertThat(retried.header("ETag")).isEqualTo("\"" + events + "\"");
    }

    @Test
    void aTokenMaySendNoCommandNotEvenOnItsOwnAccount() throws IOException {
        String id = register();
        JsonNode generated = generateToken(id).json();
        String token = generated.get("token").asString();
        long events = eventCount(id);
        Http tokenHolder = anonymous.as(token);
        String account = "/api/accounts/" + id;
        byte[] image = CommandSideIntegrationTest.png(16, 16);

        List<Function<Http, Http.Reply>> commands = List.of(
                caller -> caller.post("/api/accounts", registration("New", "Account", "new-" + id + "@example.com")),
                caller -> caller.put(account + "/name", "{\"firstName\":\"Token\",\"lastName\":\"Holder\"}", null),
                caller -> caller.put(account + "/email", "{\"email\":\"mine-" + id + "@example.com\"}", null),
                caller -> caller.putImage(account + "/avatar", image),
                caller -> caller.post(account + "/api-token", "{\"expiresInDays\":365}"),
                caller -> caller.delete(account + "/api-token"));
        for (Function<Http, Http.Reply> command : commands) {
            Http.Reply reply = command.apply(tokenHolder);
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Instant.parse(reply.header("EOC-Token-Expiration")))
                    .isEqualTo(Instant.parse(generated.get("expiresAt").asString()));
        }

        assertThat(eventCount(id)).isEqualTo(events);
        assertThat(introspect(token).get("active").asBoolean()).as("the token outlived the attempts").isTrue();
    }

    @Test
    void aUseThatCannotBeRecordedStillAuthenticatesAndLogsNoSecret(CapturedOutput output) {
        String id = register();
        JsonNode generated = generateToken(id).json();
        String token = generated.get("token").asString();
        // the database refuses to note this token's use, as a read-only replica or a full disk would
        jdbc.sql("""
                CREATE FUNCTION credentials.refuse_use_test() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'the row cannot be written now'; END $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_use_test BEFORE UPDATE ON credentials.api_token FOR EACH ROW"
                + " WHEN (OLD.account_id = '" + id + "') EXECUTE FUNCTION credentials.refuse_use_test()").update();
        JsonNode introspected;
        Http.Reply used;
        try {
            introspected = introspect(token);
            used = anonymous.as(token).put("/api/accounts/" + id + "/name",
                    "{\"firstName\":\"Token\",\"lastName\":\"Holder\"}", null);
        } finally {
            jdbc.sql("DROP TRIGGER refuse_use_test ON credentials.api_token").update();
            jdbc.sql("DROP FUNCTION credentials.refuse_use_test()").update();
        }

        assertThat(introspected.get("active").asBoolean()).isTrue();
        assertThat(used.status()).as("authenticated, then refused for its role").isEqualTo(403);
        assertThat(Instant.parse(used.header("EOC-Token-Expiration")))
                .isEqualTo(Instant.parse(generated.get("expiresAt").asString()));
        assertThat(jdbc.sql("SELECT last_used_at IS NULL FROM credentials.api_token WHERE account_id = ?::uuid")
                .param(id).query(Boolean.class).single()).as("no use was noted").isTrue();
        List<String> warnings = output.getAll().lines()
                .filter(line -> line.contains("Could not record the use of API token")).toList();
        assertThat(warnings).as("one line per attempt: introspection and authentication").hasSize(2)
                .allSatisfy(line -> assertThat(line).contains(id)
                        .contains(generated.get("tokenId").asString())
                        .doesNotContain(ApiTokenFormat.hash(token))
                        .doesNotContain(token.substring(ApiTokenFormat.PREFIX.length(),
                                ApiTokenFormat.PREFIX.length() + 12))
                        .doesNotContain(token.substring(token.length() - 12)));
    }

    private JsonNode introspect(String token) {
        Http.Reply reply = as("billing-service", Roles.INTROSPECTOR)
                .postForm("/api/tokens/introspect", Map.of("token", token));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }
}
