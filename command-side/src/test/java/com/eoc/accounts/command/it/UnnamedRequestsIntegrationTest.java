package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.platform.testing.RawHttp;
import com.eoc.accounts.platform.testing.RawHttp.Answer;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import org.apache.coyote.http11.Http11Processor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What no rule names is refused, whatever its path or method (fail closed): anonymous callers get
 * 401, authenticated ones 403, never a 404 that would map the application. The actuator beyond
 * health is the administrator's, and URLs the firewall refuses, or requests Tomcat cannot read, are
 * problem+json like any bad request.
 */
class UnnamedRequestsIntegrationTest extends LocalRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            Answer answer = rawPut("/api/accounts/" + id + "/name", "HTTP/1.1", headers);

            assertThat(answer.statusLine()).as(answer.toString()).startsWith("HTTP/1.1 400 ");
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(eventCount(id)).as("no rename went through").isEqualTo(1);
    }

    @Test
    void aRequestTomcatCannotReadIsABadRequestToo() throws IOException {
        String id = register();
        String rename = "/api/accounts/" + id + "/name";
        String authorization = "Authorization: " + admin.authorization();
        // Tomcat refuses these before Spring sees them: a broken %-escape, characters that a URL
        // may not hold unencoded, a blank in a header's name, a header larger than it takes
        for (String[] pathAndHeaders : new String[][] {{rename + "%zz", authorization},
                {rename + "?x={1}", authorization}, {"/api/accounts/" + id + "|/name", authorization},
                {rename, authorization + "\r\nIf Match: \"1\""},
                {rename, authorization + "\r\nX-Padding: " + "x".repeat(10_000)}}) {
            assertTomcatsProblem(rawPut(pathAndHeaders[0], "HTTP/1.1", pathAndHeaders[1]), 400,
                    "urn:eoc:problem:bad-request");
        }
        assertTomcatsProblem(rawPut(rename, "HTTP/1.2", authorization), 505,
                "urn:eoc:problem:http-version-not-supported");
        assertThat(eventCount(id)).as("no rename went through").isEqualTo(1);
    }

    /** A status set without an answer ({@code TRACE}'s) reaches the error page, which answers a problem too. */
    @Test
    void aTraceIsAMethodNotAllowedProblem() throws IOException {
        for (String authorization : new String[] {"Authorization: " + admin.authorization() + "\r\n", ""}) {
            Answer answer = RawHttp.exchange(port, "TRACE /api/accounts HTTP/1.1\r\nHost: localhost\r\n"
                    + authorization + "Connection: close\r\n\r\n");

            assertThat(answer.statusLine()).as(answer.toString()).startsWith("HTTP/1.1 405 ");
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:method-not-allowed");
            assertThat(problem.get("status").asInt()).isEqualTo(405);
            assertThat(problem.get("instance").asString()).isEqualTo("/api/accounts");
        }
    }

    /**
     * Tomcat logs the line it could not parse, and an {@code Authorization} line with a stray
     * control character in it holds a credential: that log line stays below the level logged.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aHeaderLineTomcatRefusesStaysOutOfTheLog(CapturedOutput output) throws IOException {
        String id = register();
        String secret = "eoc_" + UUID.randomUUID().toString().replace("-", "");

        Answer answer = rawPut("/api/accounts/" + id + "/name", "HTTP/1.1", "Authorization: Bearer " + secret
                + "\u0001");

        assertTomcatsProblem(answer, 400, "urn:eoc:problem:bad-request");
        assertThat(LoggerFactory.getLogger(Http11Processor.class).isInfoEnabled())
                .as("Tomcat's parse errors, which quote the request, are logged").isFalse();
        assertThat(output.getAll()).doesNotContain(secret);
    }

    /** A rename sent over a socket as it is written here, however malformed; the answer as it came. */
    private Answer rawPut(String path, String version, String headers) throws IOException {
        String json = "{\"firstName\":\"A\",\"lastName\":\"B\"}";
        return RawHttp.exchange(port, "PUT " + path + " " + version + "\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n" + headers
                + "\r\n\r\n" + json);
    }

    private static void assertTomcatsProblem(Answer answer, int status, String type) {
        assertThat(answer.statusLine()).as(answer.toString()).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
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
