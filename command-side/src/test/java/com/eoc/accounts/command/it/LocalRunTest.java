package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.platform.security.DevTokens;
import com.eoc.accounts.platform.security.LocalIdentityProvider;
import com.eoc.accounts.platform.security.Roles;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command side as {@code ./run} starts it, over real HTTP on a fresh PostgreSQL database: the
 * {@code local} profile, whose JWTs are signed with a test key under the build folder (see the
 * test {@code application-local.properties}). Callers are authenticated with JWTs minted by
 * {@link DevTokens}, an administrator's unless a test says otherwise. Every subclass that adds no
 * configuration of its own shares one application context, so accounts get unique email addresses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(LocalIdentityProvider.PROFILE)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
abstract class LocalRunTest {

    /** The subject of the administrator's JWT: a person of the operations team, not an account. */
    static final String ADMIN_SUBJECT = "ops-admin";

    @LocalServerPort
    int port;

    @Autowired
    DevTokens devTokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager axonTransactionManager;

    /** No credentials at all. */
    Http anonymous;

    /** An administrator: may do everything. */
    Http admin;

    @BeforeEach
    void connect() {
        anonymous = new Http(port);
        admin = as(ADMIN_SUBJECT, Roles.ADMIN);
    }

    /** A caller with a JWT for {@code subject} holding {@code roles}. */
    Http as(String subject, String... roles) {
        return anonymous.as(devTokens.mint(subject, List.of(roles)));
    }

    /**
     * The owner of an account registered without a subject: a JWT whose subject is the account
     * id (its login), without any role.
     */
    Http owner(String accountId) {
        return as(accountId);
    }

    /**
     * What another command-side node's rename leaves in the store: the event appended without
     * passing through this node's repository, so this node's cached account does not see it.
     */
    void renameBehindTheCache(String accountId, long sequence, String firstName, String lastName) {
        UnitOfWork<?> otherNode = DefaultUnitOfWork.startAndGet(null);
        otherNode.attachTransaction(axonTransactionManager);
        otherNode.execute(() -> eventStore.publish(new GenericDomainEventMessage<>("Account", accountId, sequence,
                new UserRenamed(UUID.fromString(accountId), firstName, lastName))));
    }

    /** Registers an account as the administrator and answers its id. */
    String register(String first, String last, String email) {
        Http.Reply reply = admin.post("/api/accounts", registration(first, last, email));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("ETag")).isEqualTo("\"0\"");
        String id = reply.json().get("accountId").asString();
        assertThat(reply.header("Location")).isEqualTo("/api/accounts/" + id);
        return id;
    }

    /** Registers an account with an email address no other test uses. */
    String register() {
        return register("Test", "User", "user-" + UUID.randomUUID() + "@example.com");
    }

    /** The owner generates the account's API token; answers the 201 that shows it. */
    Http.Reply generateToken(String accountId) {
        Http.Reply reply = owner(accountId).post("/api/accounts/" + accountId + "/api-token", "{\"expiresInDays\":30}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    static String registration(String first, String last, String email) {
        return "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"email\":\"" + email + "\"}";
    }

    long eventCount(String accountId) {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?")
                .param(accountId).query(Long.class).single();
    }
}
