package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.ApiTokenFormat;
import com.eoc.accounts.platform.testing.SecretPieces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A whole token lifecycle over HTTP with the chattiest logging an operator might turn on (DEBUG for
 * Spring Security, Spring MVC, JDBC and Axon): no API token, JWT or {@code Authorization} header
 * value may reach the log, not even cut short (as Spring MVC's DEBUG lines cut long values), and
 * the API token is in no answer but the one that shows it once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.org.springframework.security=DEBUG",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.jdbc=DEBUG",
        "logging.level.org.axonframework=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest extends LocalRunTest {

    private static final List<String> CHATTY = List.of("org.springframework.security", "org.springframework.web",
            "org.springframework.jdbc", "org.axonframework");

    private final List<String> secrets = new ArrayList<>();
    private final List<Http.Reply> answers = new ArrayList<>();

    @Test
    void aWholeTokenLifecycleLeavesNoSecretInTheLogOrInAnAnswer(CapturedOutput output) {
        Http admin = anonymous.as(jwt("{\"subject\":\"ops-admin\",\"roles\":[\"admin\"]}"));
        Http introspector = anonymous.as(jwt("{\"subject\":\"billing-service\",\"roles\":[\"introspector\"]}"));
        Http.Reply registered = admin.post("/api/accounts",
                registration("Log", "Watcher", "log-watcher@example.com"));
        answers.add(registered);
        String id = registered.json().get("accountId").asString();
        String account = "/api/accounts/" + id;
        Http owner = anonymous.as(jwt("{\"subject\":\"" + id + "\",\"roles\":[]}"));

        Http.Reply generated = owner.post(account + "/api-token", "{\"expiresInDays\":7}");
        assertThat(generated.status()).isEqualTo(201);
        String token = generated.json().get("token").asString();
        String typo = token.substring(0, 10) + (token.charAt(10) == 'a' ? 'b' : 'a') + token.substring(11);
        secrets.addAll(List.of("Bearer " + token, "Bearer " + typo));
        secrets.addAll(SecretPieces.of(token.substring(ApiTokenFormat.PREFIX.length())));
        secrets.addAll(SecretPieces.of(typo.substring(ApiTokenFormat.PREFIX.length())));

        Http.Reply active = call(introspector.postForm("/api/tokens/introspect", Map.of("token", token)));
        assertThat(active.json().get("active").asBoolean()).isTrue();
        assertThat(call(anonymous.as(token).put(account + "/name", "{\"firstName\":\"A\",\"lastName\":\"B\"}", null))
                .status()).isEqualTo(403);
        assertThat(call(owner.delete(account + "/api-token")).status()).isEqualTo(204);
        Http.Reply inactive = call(introspector.postForm("/api/tokens/introspect", Map.of("token", token)));
        assertThat(inactive.json().get("active").asBoolean()).isFalse();
        assertThat(call(anonymous.as(token).put(account + "/name", "{\"firstName\":\"A\",\"lastName\":\"B\"}", null))
                .status()).isEqualTo(401);
        String forged = forge(jwt("{\"subject\":\"ops-admin\",\"roles\":[\"admin\"]}"));
        assertThat(call(anonymous.as(forged).post("/api/accounts", registration("F", "G", "f@example.com")))
                .status()).isEqualTo(401);
        assertThat(call(anonymous.as(typo).put(account + "/name", "{\"firstName\":\"A\",\"lastName\":\"B\"}", null))
                .status()).isEqualTo(401);
        assertThat(call(introspector.postForm("/api/tokens/introspect", Map.of("token", typo)))
                .json().get("active").asBoolean()).isFalse();

        String log = output.getAll();
        assertThat(log).as("DEBUG logging was on for the requests")
                .contains("/api/tokens/introspect").contains("DEBUG");
        assertThat(secrets.stream().filter(log::contains).toList()).as("secrets, or pieces of them, in the log")
                .isEmpty();
        List<String> tokenPieces = SecretPieces.of(token.substring(ApiTokenFormat.PREFIX.length()));
        for (Http.Reply answer : answers) {
            tokenPieces.forEach(piece -> assertThat(answer.body()).doesNotContain(piece));
        }
    }

    /** Logging levels belong to the JVM, not to this test's context: the other tests log as usual again. */
    @AfterAll
    static void quietAgain() {
        LoggingSystem logging = LoggingSystem.get(SecretsStayOutOfLogsTest.class.getClassLoader());
        CHATTY.forEach(logger -> logging.setLogLevel(logger, null));
    }

    /** A JWT from {@code POST /dev/tokens}; it, and the header that carries it, are secrets from now on. */
    private String jwt(String request) {
        Http.Reply reply = anonymous.post("/dev/tokens", request);
        assertThat(reply.status()).isEqualTo(200);
        String jwt = reply.json().get("token").asString();
        keepSecret(jwt);
        return jwt;
    }

    /** The JWT with another signature, as an attacker would send it. */
    private String forge(String jwt) {
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        keepSecret(forged);
        return forged;
    }

    private void keepSecret(String jwt) {
        secrets.addAll(SecretPieces.ofJwt(jwt));
    }


    private Http.Reply call(Http.Reply reply) {
        answers.add(reply);
        return reply;
    }
}
