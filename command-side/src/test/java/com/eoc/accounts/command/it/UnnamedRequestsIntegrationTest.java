package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.Roles;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;

/**
 * What no rule names is refused, whatever its path or method (fail closed): anonymous callers get
 * 401, authenticated ones 403, never a 404 that would map the application. The actuator beyond
 * health is the administrator's, and URLs the firewall refuses are problem+json like any bad request.
 */
class UnnamedRequestsIntegrationTest extends LocalRunTest {

    @Test
    void theActuatorBeyondHealthIsTheAdministrators() {
        Http.Reply info = admin.get("/actuator/info");

        assertThat(info.status()).as(info.body()).isEqualTo(200);
        assertForbidden(as("dashboard", Roles.VIEWER).get("/actuator/info"));
        assertForbidden(as("audit", Roles.AUDITOR).get("/actuator/info"));
        assertUnauthenticated(anonymous.get("/actuator/info"));
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIsForbiddenEvenToTheAdministrator() {
        assertForbidden(admin.get("/api/nothing-here"));
        assertForbidden(admin.post("/api/nothing-here", "{}"));
        assertUnauthenticated(anonymous.get("/api/nothing-here"));
    }

    @Test
    void aMethodNoRuleNamesIsRefused() {
        assertForbidden(admin.send("OPTIONS", "/api/accounts", null, BodyPublishers.noBody(), null));
        assertForbidden(admin.get("/api/accounts"));
        assertForbidden(admin.send("PATCH", "/api/tokens/introspect", "application/json",
                BodyPublishers.ofString("{}"), null));
        assertUnauthenticated(anonymous.send("OPTIONS", "/api/accounts", null, BodyPublishers.noBody(), null));
    }

    @Test
    void aUrlTheFirewallRefusesIsABadRequest() {
        String id = register();
        for (String path : new String[] {"/api/accounts/" + id + ";y=1/name", "/api/accounts/x;y=1/name",
                "/api/accounts/" + id + "/%2e%2e/name", "/api/accounts/" + id + "%2Fname"}) {
            for (Http caller : new Http[] {admin, anonymous}) {
                Http.Reply reply = caller.put(path, "{\"firstName\":\"A\",\"lastName\":\"B\"}", null);

                assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(400);
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                assertThat(reply.json().get("type").asString()).isEqualTo("urn:eoc:problem:bad-request");
            }
        }
        assertThat(eventCount(id)).as("no rename went through").isEqualTo(1);
    }

    private static void assertForbidden(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:eoc:problem:forbidden");
    }

    private static void assertUnauthenticated(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }
}
