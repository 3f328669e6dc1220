package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.Roles;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

/** {@code POST /dev/tokens} in the local run: a JWT for anybody, so that a newcomer can curl the API. */
class DevTokensIntegrationTest extends LocalRunTest {

    @Autowired
    JwtDecoder jwtDecoder;

    @Test
    void aMintedJwtAuthenticatesWithTheGivenRoles() {
        Http.Reply minted = anonymous.post("/dev/tokens",
                "{\"subject\":\"billing-service\",\"roles\":[\"introspector\"]}");

        assertThat(minted.status()).isEqualTo(200);
        assertThat(minted.header("Cache-Control")).contains("no-store");
        String jwt = minted.json().get("token").asString();
        Jwt decoded = jwtDecoder.decode(jwt);
        assertThat(decoded.getSubject()).isEqualTo("billing-service");
        assertThat(decoded.getClaimAsStringList("roles")).containsExactly(Roles.INTROSPECTOR);

        Http service = anonymous.as(jwt);
        assertThat(service.postForm("/api/tokens/introspect", Map.of("token", "eoc_nothing")).status())
                .as("an introspector may introspect").isEqualTo(200);
        assertThat(service.post("/api/accounts", registration("A", "B", "svc@example.com")).status())
                .as("but not register accounts").isEqualTo(403);
    }

    @Test
    void aMintedAdministratorRegistersAndTheOwnerActsOnTheOwnAccount() {
        Http admin = anonymous.as(mint("{\"subject\":\"ops-admin\",\"roles\":[\"admin\"]}"));
        Http.Reply registered = admin.post("/api/accounts",
                registration("Dev", "Tokens", "dev-" + System.nanoTime() + "@example.com"));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.json().get("accountId").asString();

        Http owner = anonymous.as(mint("{\"subject\":\"" + id + "\",\"roles\":[]}"));
        assertThat(owner.put("/api/accounts/" + id + "/name", "{\"firstName\":\"Dev\",\"lastName\":\"Owner\"}", null)
                .status()).isEqualTo(200);
        assertThat(owner.post("/api/accounts", registration("A", "B", "other@example.com")).status()).isEqualTo(403);
    }

    @Test
    void rolesOutsideTheContractAreRefused() {
        for (String roles : new String[] {"[\"api-token\"]", "[\"root\"]", "[\"admin\",\"Admin\"]", "[null]"}) {
            Http.Reply reply = anonymous.post("/dev/tokens", "{\"subject\":\"someone\",\"roles\":" + roles + "}");
            assertInvalid(reply, "roles");
        }
    }

    @Test
    void aSubjectIsRequired() {
        assertInvalid(anonymous.post("/dev/tokens", "{\"roles\":[\"admin\"]}"), "subject");
        assertInvalid(anonymous.post("/dev/tokens", "{\"subject\":\"  \",\"roles\":[\"admin\"]}"), "subject");
        assertInvalid(anonymous.post("/dev/tokens", "{\"subject\":\"" + "x".repeat(256) + "\",\"roles\":[]}"),
                "subject");
    }

    @Test
    void aJwtWithAForgedSignatureIsRefused() {
        String jwt = mint("{\"subject\":\"ops-admin\",\"roles\":[\"admin\"]}");
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        Http.Reply reply = anonymous.as(forged).post("/api/accounts", registration("F", "G", "forged@example.com"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(reply.body()).doesNotContain(forged);
    }

    private String mint(String request) {
        Http.Reply reply = anonymous.post("/dev/tokens", request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("token").asString();
    }

    private static void assertInvalid(Http.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.findValuesAsString("field")).contains(field);
        assertThat(reply.body()).doesNotContain("eyJ");
    }
}
