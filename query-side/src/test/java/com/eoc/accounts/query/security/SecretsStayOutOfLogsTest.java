package com.eoc.accounts.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.platform.security.ApiTokenFormat;
import com.eoc.accounts.platform.security.AccountLogins;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.platform.testing.SecretPieces;
import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.query.TestJwts;
import com.eoc.accounts.query.security.TestAccounts.ApiToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Requests with an API token, good and bad, and with a forged JWT, while the chattiest logging an
 * operator might turn on is on (DEBUG for Spring Security, Spring MVC, JDBC and Axon): no piece of
 * the token or of a JWT's claims or signature may reach the log, not even cut short (as Spring
 * MVC's DEBUG lines cut long values). The levels are set here rather than as properties, so that
 * the test shares the application context of the other integration tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest {

    private static final List<String> CHATTY = List.of("org.springframework.security", "org.springframework.web",
            "org.springframework.jdbc", "org.axonframework");

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    ApiTokenIndex apiTokenIndex;
    @Autowired
    AccountLogins logins;

    private final List<String> secrets = new ArrayList<>();

    @Test
    void apiTokensAndJwtsGoodOrBadLeaveNoPieceInTheLog(CapturedOutput output) throws Exception {
        TestAccounts accounts = new TestAccounts(port, storageEngine, apiTokenIndex, logins);
        ApiToken token = accounts.withToken(Instant.now().plus(Duration.ofDays(30)));
        String typo = TestAccounts.typo(token.value());
        String expired = accounts.indexedToken(Instant.now().minus(Duration.ofMinutes(1)));
        String forged = TestJwts.forged(token.accountId().toString(), Roles.ADMIN);
        List.of(token.value(), typo, expired).forEach(this::keepTokenSecret);
        keepJwtSecret(forged);
        String account = "/api/accounts/" + token.accountId();
        chatty();

        assertThat(QuerySideHttp.get(port, account, token.value()).statusCode()).isEqualTo(200);
        assertThat(apiTokenIndex.lastUsedAt(token.accountId(), token.tokenId())).as("the use was recorded")
                .isPresent();
        assertThat(QuerySideHttp.get(port, account, typo).statusCode()).isEqualTo(401);
        assertThat(QuerySideHttp.get(port, account, expired).statusCode()).isEqualTo(401);
        assertThat(QuerySideHttp.get(port, account, forged).statusCode()).isEqualTo(401);

        String log = output.getAll();
        assertThat(log).as("DEBUG logging was on for the requests").contains(account).contains("DEBUG");
        assertThat(secrets.stream().filter(log::contains).toList()).as("secrets, or pieces of them, in the log")
                .isEmpty();
    }

    /** Logging levels belong to the JVM, not to this test: the other tests log as usual again. */
    @AfterAll
    static void quietAgain() {
        LoggingSystem logging = LoggingSystem.get(SecretsStayOutOfLogsTest.class.getClassLoader());
        CHATTY.forEach(logger -> logging.setLogLevel(logger, null));
    }

    /** Set once the context runs: its start would reset levels set before. */
    private static void chatty() {
        LoggingSystem logging = LoggingSystem.get(SecretsStayOutOfLogsTest.class.getClassLoader());
        CHATTY.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
    }

    private void keepTokenSecret(String token) {
        secrets.add("Bearer " + token);
        secrets.addAll(SecretPieces.of(token.substring(ApiTokenFormat.PREFIX.length())));
    }

    private void keepJwtSecret(String jwt) {
        secrets.addAll(SecretPieces.ofJwt(jwt));
    }
}
