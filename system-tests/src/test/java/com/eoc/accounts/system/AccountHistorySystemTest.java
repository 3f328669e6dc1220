package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditors' history across both applications: what the command side records (its metadata
 * included) is what the query side's history shows, read straight from the shared event store,
 * without the token or its hash. Each event names who sent its command: the administrator who
 * registered the account, then its owner.
 */
class AccountHistorySystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningSystem system;
    private static Application commandSide;
    private static Application querySide;

    @BeforeAll
    static void startBothApplications() {
        system = RunningSystem.get();
        commandSide = system.commandSide;
        querySide = system.querySide;
    }

    @Test
    void historyShowsWhatTheCommandSideRecordedAndAsOfShowsThePast() throws Exception {
        HttpResponse<String> registered = commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada.history@example.com\"}",
                system.admin());
        assertThat(registered.statusCode()).isEqualTo(201);
        String accountId = JSON.readTree(registered.body()).get("accountId").asString();
        String account = "/api/accounts/" + accountId;
        String owner = system.jwt(accountId);
        Instant beforeRename = Instant.now();
        assertThat(commandSide.send("PUT", account + "/name", "{\"firstName\":\"Ada\",\"lastName\":\"King\"}",
                owner).statusCode()).isEqualTo(200);
        HttpResponse<String> generated = commandSide.send("POST", account + "/api-token", "{\"expiresInDays\":30}",
                owner);
        assertThat(generated.statusCode()).isEqualTo(201);
        String token = JSON.readTree(generated.body()).get("token").asString();
        String auditor = system.jwt("system-test-auditor", "auditor");

        HttpResponse<String> history = querySide.send("GET", account + "/history", null, auditor);

        assertThat(history.statusCode()).isEqualTo(200);
        JsonNode entries = JSON.readTree(history.body());
        List<String> types = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        for (int sequence = 0; sequence < entries.size(); sequence++) {
            JsonNode entry = entries.get(sequence);
            assertThat(entry.get("sequence").asLong()).isEqualTo(sequence);
            assertThat(entry.get("correlationId").asString()).isNotBlank();
            types.add(entry.get("type").asString());
            actors.add(entry.get("actor").asString());
        }
        assertThat(types).containsExactly("AccountRegistered", "UserRenamed", "TokenGenerated");
        assertThat(actors).containsExactly(RunningSystem.ADMIN, accountId, accountId);
        assertThat(entries.get(1).get("data").get("lastName").asString()).isEqualTo("King");
        assertThat(entries.get(2).get("data").get("hint").asString()).isEqualTo(token.substring(token.length() - 4));
        assertThat(history.body()).doesNotContain(token).doesNotContainIgnoringCase(sha256Hex(token))
                .doesNotContain("tokenHash");

        JsonNode past = JSON.readTree(querySide.send("GET", account + "/history?asOf=" + beforeRename, null, auditor)
                .body());
        assertThat(past.get("lastName").asString()).isEqualTo("Lovelace");
        assertThat(past.get("version").asLong()).isZero();
        assertThat(past.get("apiToken").isNull()).isTrue();
    }

    /** How the command side stores the token, as the design card says: hex SHA-256. */
    private static String sha256Hex(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                token.getBytes(StandardCharsets.UTF_8)));
    }

}
