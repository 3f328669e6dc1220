package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What auditors read across accounts and through long histories, a page at a time, following the
 * Link header as a client would: everything one actor did, in the order it was recorded, and an
 * account's events page by page.
 */
class AuditorReadsSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private final RunningSystem system = RunningSystem.get();
    private final String auditor = system.jwt("system-test-auditor", "auditor");

    @Test
    void everythingOneActorDidAcrossAccountsPageByPage() throws Exception {
        String subject = "admin-" + UUID.randomUUID();
        String actor = system.jwt(subject, "admin");
        String first = register(actor);
        String second = register(actor);
        rename(first, actor);
        rename(second, actor);
        // someone else's change of the same account is not this actor's
        rename(first, system.admin());
        assertThat(system.commandSide.send("POST", "/api/accounts/" + first + "/close", null, actor).statusCode())
                .isEqualTo(200);

        List<JsonNode> events = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        Optional<String> page = Optional.of("/api/history?actor=" + subject + "&limit=2");
        while (page.isPresent()) {
            HttpResponse<String> answer = system.querySide.send("GET", page.get(), null, auditor);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode entries = JSON.readTree(answer.body());
            pageSizes.add(entries.size());
            entries.forEach(events::add);
            page = next(answer);
        }

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(events).extracting(event -> event.get("accountId").asString() + " "
                + event.get("type").asString()).containsExactly(
                first + " AccountRegistered", second + " AccountRegistered", first + " UserRenamed",
                second + " UserRenamed", first + " AccountClosed");
        assertThat(events).allSatisfy(event -> assertThat(event.get("actor").asString()).isEqualTo(subject));
        assertThat(events).extracting(event -> event.get("position").asLong()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aLongHistoryReadsPageByPageAsAWhole() throws Exception {
        String account = register(system.admin());
        for (int i = 0; i < 4; i++) {
            rename(account, system.admin());
        }
        HttpResponse<String> whole = system.querySide.send("GET", "/api/accounts/" + account + "/history", null,
                auditor);
        assertThat(whole.headers().firstValue("Link")).isEmpty();

        List<JsonNode> paged = new ArrayList<>();
        Optional<String> page = Optional.of("/api/accounts/" + account + "/history?limit=2");
        int pages = 0;
        while (page.isPresent()) {
            HttpResponse<String> answer = system.querySide.send("GET", page.get(), null, auditor);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JSON.readTree(answer.body()).forEach(paged::add);
            page = next(answer);
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(paged).extracting(entry -> entry.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(JSON.readTree(whole.body()).size()).isEqualTo(paged.size());
        HttpResponse<String> refused = system.querySide.send("GET", "/api/history?actor=x&limit=0", null, auditor);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("type").asString()).isEqualTo("urn:eoc:problem:invalid-parameter");
    }

    private static Optional<String> next(HttpResponse<String> answer) {
        return answer.headers().firstValue("Link").map(NEXT::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(1));
    }

    private String register(String credential) throws Exception {
        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Aud\",\"lastName\":\"Ited\",\"email\":\"audited-" + UUID.randomUUID()
                        + "@example.com\"}", credential);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("accountId").asString();
    }

    private void rename(String account, String credential) throws Exception {
        HttpResponse<String> renamed = system.commandSide.send("PUT", "/api/accounts/" + account + "/name",
                "{\"firstName\":\"Aud\",\"lastName\":\"Ited " + UUID.randomUUID().toString().substring(0, 6) + "\"}",
                credential);
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    }
}
