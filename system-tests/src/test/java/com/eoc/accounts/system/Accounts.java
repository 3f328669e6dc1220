package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.LocalPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the browser tests arrange through the API rather than the page: the accounts a person
 * signs in with, and what someone else does to an account meanwhile.
 */
final class Accounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSystem system;

    Accounts(RunningSystem system) {
        this.system = system;
    }

    /** A person with an account, who signs in with the email address. */
    record Person(String id, String firstName, String lastName, String email) {

        String name() {
            return firstName + " " + lastName;
        }
    }

    /** Registers an account (its id is its login's subject) and waits until the view has it. */
    Person register(String firstName, String lastName) throws IOException, InterruptedException {
        String email = firstName.toLowerCase() + "." + lastName.toLowerCase() + "."
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                JSON.writeValueAsString(Map.of("firstName", firstName, "lastName", lastName, "email", email)),
                system.admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        Person person = new Person(JSON.readTree(registered.body()).get("accountId").asString(), firstName, lastName,
                email);
        awaitView(person.id(), 0);
        return person;
    }

    /** The account's view once it has at least {@code version}. */
    JsonNode awaitView(String accountId, long version) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            HttpResponse<String> view = system.querySide.send("GET", "/api/accounts/" + accountId, null,
                    system.admin());
            if (view.statusCode() == 200) {
                JsonNode account = JSON.readTree(view.body());
                if (account.get("version").asLong() >= version) {
                    return account;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the view of " + accountId + " did not reach version " + version + ": "
                        + view.statusCode() + " " + view.body());
            }
            Application.sleep(50);
        }
    }

    JsonNode view(String accountId) throws IOException, InterruptedException {
        return awaitView(accountId, 0);
    }

    /** The token policy as the query side answers it to the account's owner. */
    JsonNode tokenPolicy(Person person) throws IOException, InterruptedException {
        HttpResponse<String> policy = system.querySide.send("GET", "/api/token-policy", null,
                system.jwt(person.id()));
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        return JSON.readTree(policy.body());
    }

    /** The types of the account's events, in order (what the commands were). */
    java.util.List<String> eventTypes(String accountId) throws IOException, InterruptedException {
        HttpResponse<String> history = system.querySide.send("GET", "/api/accounts/" + accountId + "/history", null,
                system.admin());
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        java.util.List<String> types = new java.util.ArrayList<>();
        JSON.readTree(history.body()).forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }

    /** Someone else (an administrator) renames the account: the page's version is then stale. */
    long renameElsewhere(Person person, String firstName, String lastName) throws IOException, InterruptedException {
        HttpResponse<String> renamed = system.commandSide.send("PUT", "/api/accounts/" + person.id() + "/name",
                JSON.writeValueAsString(Map.of("firstName", firstName, "lastName", lastName)), system.admin());
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        return JSON.readTree(renamed.body()).get("version").asLong();
    }

    /** The owner generates a token through the API (as another application of theirs might). */
    String generateToken(Person person, int days) throws IOException, InterruptedException {
        HttpResponse<String> generated = system.commandSide.send("POST", "/api/accounts/" + person.id() + "/api-token",
                "{\"expiresInDays\":" + days + "}", system.jwt(person.id()));
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        JsonNode token = JSON.readTree(generated.body());
        awaitView(person.id(), token.get("version").asLong());
        return token.get("token").asString();
    }

    /** An administrator closes the account; answers once the view shows it closed. */
    JsonNode close(Person person) throws IOException, InterruptedException {
        HttpResponse<String> closed = system.commandSide.send("POST", "/api/accounts/" + person.id() + "/close", null,
                system.admin());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        return awaitView(person.id(), JSON.readTree(closed.body()).get("version").asLong());
    }

    /** The status a request with the API token gets from the query side (200, or 401 once it is deleted). */
    int statusWithToken(String token) throws IOException, InterruptedException {
        return system.querySide.send("GET", "/api/me", null, token).statusCode();
    }

    /**
     * Moves the account's token {@code days} into its life, in the query side's view: the dates
     * the view judges it by shift back as passing days would shift "now" forward. The command
     * side is left alone, so this is for what the screen shows only.
     */
    void ageToken(Person person, int days) throws SQLException {
        try (Connection connection = DriverManager.getConnection(system.databaseUrl, LocalPostgres.USER, "");
             PreparedStatement age = connection.prepareStatement("""
                     UPDATE query_side.account_view
                        SET token_created_at = token_created_at - make_interval(days => ?),
                            token_expires_at = token_expires_at - make_interval(days => ?)
                      WHERE account_id = ?""")) {
            age.setInt(1, days);
            age.setInt(2, days);
            age.setObject(3, UUID.fromString(person.id()));
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
    }
}
