package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.ApiTokenFormat;
import com.eoc.accounts.platform.security.Roles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/tokens/introspect} (RFC 7662) for other services: an active token says whose it
 * is and until when; anything else is {@code {"active":false}} and nothing more, whatever the reason.
 * The token goes in the form body: a request with a query string is refused, as a token in the URL
 * ends up in access logs.
 */
class TokenIntrospectionIntegrationTest extends LocalRunTest {

    private static final String INTROSPECT = "/api/tokens/introspect";
    private static final JsonNode INACTIVE = JsonMapper.builder().build().readTree("{\"active\":false}");

    Http introspector;

    @BeforeEach
    void introspector() {
        introspector = as("billing-service", Roles.INTROSPECTOR);
    }

    @Test
    void anActiveTokenTellsWhoseItIsAndUntilWhen() {
        String id = register();
        JsonNode generated = generateToken(id).json();

        Http.Reply reply = introspect(generated.get("token").asString());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        JsonNode answer = reply.json();
        assertThat(answer.propertyNames()).containsExactlyInAnyOrder("active", "sub", "exp", "iat", "token_type");
        assertThat(answer.get("active").asBoolean()).isTrue();
        assertThat(answer.get("sub").asString()).isEqualTo(id);
        assertThat(answer.get("exp").asLong())
                .isEqualTo(Instant.parse(generated.get("expiresAt").asString()).getEpochSecond());
        assertThat(answer.get("iat").asLong())
                .isEqualTo(Instant.parse(generated.get("createdAt").asString()).getEpochSecond());
        assertThat(answer.get("token_type").asString()).isEqualTo("api_token");
    }

    @Test
    void anAdministratorMayIntrospectToo() {
        String token = generateToken(register()).json().get("token").asString();

        Http.Reply reply = admin.postForm(INTROSPECT, Map.of("token", token));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void garbageIsInactive() {
        assertInactive(introspect("not a token at all"));
        assertInactive(introspect(""));
        assertInactive(introspect("eoc_"));
    }

    @Test
    void aTypoIsInactive() {
        String token = generateToken(register()).json().get("token").asString();
        char changed = token.charAt(10) == 'a' ? 'b' : 'a';

        assertInactive(introspect(token.substring(0, 10) + changed + token.substring(11)));
    }

    @Test
    void anExpiredTokenIsInactive() {
        String id = register();
        String token = generateToken(id).json().get("token").asString();
        jdbc.sql("UPDATE credentials.api_token SET expires_at = now() - interval '1 second' WHERE account_id = ?::uuid")
                .param(id).update();

        assertInactive(introspect(token));
    }

    @Test
    void aDeletedTokenIsInactive() {
        String id = register();
        String token = generateToken(id).json().get("token").asString();
        assertThat(introspect(token).json().get("active").asBoolean()).isTrue();

        assertThat(owner(id).delete("/api/accounts/" + id + "/api-token").status()).isEqualTo(204);

        assertInactive(introspect(token));
    }

    @Test
    void withoutTheTokenFieldIs400() {
        Http.Reply reply = introspector.postForm(INTROSPECT, Map.of("tokn", "eoc_x"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).startsWith("urn:eoc:problem:");
    }

    @Test
    void aTokenInTheUrlIsRefusedAndNotRepeated() {
        String id = register();
        String token = generateToken(id).json().get("token").asString();

        Http.Reply inTheUrl = introspector.postForm(INTROSPECT + "?token=" + token, Map.of());
        Http.Reply besideAQuery = introspector.postForm(INTROSPECT + "?foo=bar", Map.of("token", token));

        for (Http.Reply reply : List.of(inTheUrl, besideAQuery)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:eoc:problem:token-in-url");
            assertThat(pieces(token)).noneMatch(reply.body()::contains);
        }
        assertThat(jdbc.sql("SELECT last_used_at IS NULL FROM credentials.api_token WHERE account_id = ?::uuid")
                .param(id).query(Boolean.class).single()).as("a refused introspection is no use").isTrue();
    }

    @Test
    void onlyIntrospectorsAndAdministratorsMayIntrospect() {
        String id = register();
        String token = generateToken(id).json().get("token").asString();
        Map<String, String> form = Map.of("token", token);

        for (Http caller : new Http[] {as("dashboard", Roles.VIEWER), as("audit", Roles.AUDITOR), owner(id),
                anonymous.as(token)}) {
            Http.Reply reply = caller.postForm(INTROSPECT, form);
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain(token);
        }
        Http.Reply anonymousReply = anonymous.postForm(INTROSPECT, form);
        assertThat(anonymousReply.status()).isEqualTo(401);
        assertThat(anonymousReply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(anonymousReply.header("Content-Type")).startsWith("application/problem+json");
    }

    /** The token's random part in pieces: any part of it long enough to matter holds one. */
    private static List<String> pieces(String token) {
        String secret = token.substring(ApiTokenFormat.PREFIX.length());
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start + 12 <= secret.length(); start += 12) {
            pieces.add(secret.substring(start, start + 12));
        }
        pieces.add(secret.substring(secret.length() - 12));
        return pieces;
    }

    private Http.Reply introspect(String token) {
        return introspector.postForm(INTROSPECT, Map.of("token", token));
    }

    private static void assertInactive(Http.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.json()).isEqualTo(INACTIVE);
    }
}
