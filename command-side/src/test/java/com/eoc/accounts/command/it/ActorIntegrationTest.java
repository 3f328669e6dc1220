package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.UserRenamed;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: each event's metadata names the authenticated subject that caused it, so that
 * an administrator acting on somebody's account shows as the administrator, not as the owner.
 */
class ActorIntegrationTest extends LocalRunTest {

    @Test
    void anAdministratorActingOnAnAccountIsTheActor() {
        String id = register();

        assertThat(admin.put("/api/accounts/" + id + "/name", "{\"firstName\":\"By\",\"lastName\":\"Admin\"}", null)
                .status()).isEqualTo(200);

        List<? extends DomainEventMessage<?>> events = events(id);
        assertThat(events).<Class<?>>extracting(DomainEventMessage::getPayloadType)
                .containsExactly(AccountRegistered.class, UserRenamed.class);
        assertThat(events).extracting(event -> event.getMetaData().get("actor"))
                .containsExactly(ADMIN_SUBJECT, ADMIN_SUBJECT);
    }

    @Test
    void theOwnerIsTheActorOfTheOwnCommands() {
        String id = register();

        assertThat(owner(id).put("/api/accounts/" + id + "/name", "{\"firstName\":\"By\",\"lastName\":\"Owner\"}", null)
                .status()).isEqualTo(200);

        DomainEventMessage<?> renamed = events(id).get(1);
        assertThat(renamed.getPayloadType()).isEqualTo(UserRenamed.class);
        assertThat(renamed.getMetaData().get("actor")).isEqualTo(id);
    }

    private List<? extends DomainEventMessage<?>> events(String accountId) {
        return eventStore.readEvents(accountId).asStream().toList();
    }
}
