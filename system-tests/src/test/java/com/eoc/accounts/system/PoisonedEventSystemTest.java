package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event that the account view cannot apply (a rename of an account whose registration the
 * store does not hold, as a damaged or hand-edited store would have) is parked in the dead-letter
 * queue, while the accounts registered after it through the command side still reach the view.
 */
class PoisonedEventSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPoisonedEventIsParkedWhileTheNextAccountStillReachesTheView() throws Exception {
        RunningSystem system = RunningSystem.get();
        String admin = system.admin();
        long parkedBefore = deadLetters(system);
        UUID orphan = UUID.randomUUID();
        appendRenameWithoutRegistration(system.databaseUrl, orphan);

        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Next\",\"lastName\":\"InLine\",\"email\":\"next.inline@example.com\"}", admin);
        assertThat(registered.statusCode()).isEqualTo(201);
        String next = JSON.readTree(registered.body()).get("accountId").asString();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int viewStatus;
        do {
            Application.sleep(100);
            viewStatus = system.querySide.send("GET", "/api/accounts/" + next, null, admin).statusCode();
        } while (viewStatus != 200 && Instant.now().isBefore(deadline));
        assertThat(viewStatus).as("the next account's view").isEqualTo(200);

        while (deadLetters(system) == parkedBefore && Instant.now().isBefore(deadline)) {
            Application.sleep(100);
        }
        assertThat(deadLetters(system)).isEqualTo(parkedBefore + 1);
        assertThat(system.querySide.send("GET", "/api/accounts/" + orphan, null, admin).statusCode()).isEqualTo(404);
    }

    private static long deadLetters(RunningSystem system) throws Exception {
        JsonNode status = JSON.readTree(system.querySide.send("GET", "/api/admin/processors/accounts", null,
                system.admin()).body());
        return status.get("deadLetters").asLong();
    }

    /** Written the way the command side writes events (Jackson JSON in bytea), minus the registration. */
    private static void appendRenameWithoutRegistration(String databaseUrl, UUID accountId) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                         sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                     VALUES (?, ?, 1, 'Account', ?, 'com.eoc.accounts.events.UserRenamed', '1', ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, accountId.toString());
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, ("{\"accountId\":\"" + accountId + "\",\"firstName\":\"No\",\"lastName\":\"Registration\"}")
                    .getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{\"actor\":\"system-test\"}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
