package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.Roles;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What no rule names is refused, whatever its path or method (fail closed): anonymous callers get
 * 401, authenticated ones 403, never a 404 that would map the application. The actuator beyond
 * health is the administrator's, and URLs the firewall refuses, or requests Tomcat cannot read, are
 * problem+json like any bad request.
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

    @Test
    void aHeaderValueTheFirewallRefusesIsABadRequest() throws IOException {
        String id = register();
        // U+0085 (NEL) as the Latin-1 byte 0x85, which an HTTP client will not send but a socket
        // can: Tomcat takes it, the firewall refuses it as a control character, whoever reads it
        for (String headers : new String[] {"Authorization: Bearer x\u0085y",
                "Authorization: " + admin.authorization() + "\r\nIf-Match: \"1\"\u0085"}) {
            String answer = rawPut("/api/accounts/" + id + "/name", headers, "{\"firstName\":\"A\",\"lastName\":\"B\"}");

            assertThat(answer).as(answer).startsWith("HTTP/1.1 400 ");
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        }
        assertThat(eventCount(id)).as("no rename went through").isEqualTo(1);
    }

    @Test
    void aRequestTomcatCannotReadIsABadRequestToo() throws IOException {
        String id = register();
        String rename = "/api/accounts/" + id + "/name";
        String authorization = "Authorization: " + admin.authorization();
        // Tomcat refuses these before Spring sees them: a broken %-escape, characters that a URL
        // may not hold unencoded, a blank in a header's name
        for (String[] pathAndHeaders : new String[][] {{rename + "%zz", authorization},
                {rename + "?x={1}", authorization}, {"/api/accounts/" + id + "|/name", authorization},
                {rename, authorization + "\r\nIf Match: \"1\""}}) {
            String answer = rawPut(pathAndHeaders[0], pathAndHeaders[1], "{\"firstName\":\"A\",\"lastName\":\"B\"}");

            assertThat(answer).as(answer).startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"type\":\"urn:eoc:problem:bad-request\"", "\"status\":400")
                    .doesNotContainIgnoringCase("<html");
        }
        assertThat(eventCount(id)).as("no rename went through").isEqualTo(1);
    }

    private String rawPut(String path, String headers, String json) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            String request = "PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n" + headers
                    + "\r\n\r\n" + json;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
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
