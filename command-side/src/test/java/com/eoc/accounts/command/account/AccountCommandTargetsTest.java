package com.eoc.accounts.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.command.account.Commands.DeleteToken;
import com.eoc.accounts.command.account.Commands.RegisterAccount;
import com.eoc.accounts.command.account.Commands.RenameUser;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

class AccountCommandTargetsTest {

    private static final UUID ID = UUID.fromString("7b7a3c1e-0000-4000-8000-000000000001");

    private final AccountCommandTargets targets = new AccountCommandTargets();

    @Test
    void routesACommandToItsAccountAtTheVersionItExpects() {
        VersionedAggregateIdentifier target = targets.resolveTarget(
                GenericCommandMessage.asCommandMessage(new RenameUser(ID, "Ada", "King", 3L)));

        assertThat(target.getIdentifierValue()).isEqualTo(ID);
        assertThat(target.getIdentifier()).isEqualTo(ID.toString());
        assertThat(target.getVersion()).isEqualTo(3L);
    }

    @Test
    void aCommandWithoutIfMatchExpectsNoVersion() {
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new DeleteToken(ID, null))).getVersion())
                .isNull();
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(
                new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com"))).getVersion()).isNull();
    }

    @Test
    void refusesACommandThatNamesNoAccount() {
        assertThatThrownBy(() -> targets.resolveTarget(
                GenericCommandMessage.asCommandMessage(new RenameUser(null, "Ada", "King", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RenameUser");
    }

    @Test
    void refusesAPayloadThatIsNotAnAccountCommand() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage("rename")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
