package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.platform.security.DevTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Outside the {@code local} profile, as in production: JWTs come from an identity provider (here
 * one that is never reached, as its keys are only fetched for the first JWT), and
 * {@code POST /dev/tokens} does not exist.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/unreachable/jwks")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class DevTokensOutsideTheLocalRunTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void devTokensIsNotFoundAndNothingCanMintJwts() {
        Http.Reply reply = new Http(port).post("/dev/tokens", "{\"subject\":\"ops-admin\",\"roles\":[\"admin\"]}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("eyJ");
        assertThat(context.getBeanNamesForType(DevTokens.class)).isEmpty();
    }

    @Test
    void everythingElseStillNeedsCredentials() {
        Http anonymous = new Http(port);

        assertThat(anonymous.post("/api/accounts", "{}").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }
}
