package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The account cache against writes it never saw, as another command-side node makes them: an
 * event appended to the store behind this node's back. A cached account that is older than the
 * store is not decided on; one that is as the store holds it stays cached.
 */
class AccountCacheIntegrationTest extends LocalRunTest {

    @Autowired
    @Qualifier("accountCache")
    Cache accountCache;

    @Test
    void anAccountIsCachedAfterACommand() {
        String id = register();
        Http owner = owner(id);

        assertThat(owner.put("/api/accounts/" + id + "/name", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}", null)
                .status()).isEqualTo(200);

        assertThat(accountCache.containsKey(id)).isTrue();
    }

    @Test
    void aChangeThatNeedsNoEventAnswersTheStoresVersionAfterAnotherNodesWrite() {
        String id = register();
        Http owner = owner(id);
        assertThat(owner.put("/api/accounts/" + id + "/name", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}", null)
                .header("ETag")).isEqualTo("\"1\"");

        renameBehindTheCache(id, 2, "Grace", "Hopper");

        Http.Reply same = owner.put("/api/accounts/" + id + "/name", "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}",
                null);
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"2\"");
        assertThat(eventCount(id)).as("the name was already so: no event").isEqualTo(3);
    }

    @Test
    void ifMatchIsRefusedWithTheStoresVersionAfterAnotherNodesWrite() {
        String id = register();
        Http owner = owner(id);
        assertThat(owner.put("/api/accounts/" + id + "/name", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}", null)
                .header("ETag")).isEqualTo("\"1\"");

        renameBehindTheCache(id, 2, "Grace", "Hopper");

        Http.Reply stale = owner.put("/api/accounts/" + id + "/name",
                "{\"firstName\":\"Katherine\",\"lastName\":\"Johnson\"}", "\"1\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        Http.Reply current = owner.put("/api/accounts/" + id + "/name",
                "{\"firstName\":\"Katherine\",\"lastName\":\"Johnson\"}", "\"2\"");
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"3\"");
    }
}
