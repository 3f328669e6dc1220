package com.eoc.accounts.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.command.account.Commands.AccountCommand;
import com.eoc.accounts.command.account.Commands.ChangeAvatar;
import com.eoc.accounts.command.account.Commands.ChangeEmail;
import com.eoc.accounts.command.account.Commands.DeleteToken;
import com.eoc.accounts.command.account.Commands.GenerateToken;
import com.eoc.accounts.command.account.Commands.RegisterAccount;
import com.eoc.accounts.command.account.Commands.RenameUser;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

class AccountCommandTargetsTest {

    private static final UUID ID = UUID.fromString("7b7a3c1e-0000-4000-8000-000000000001");

    private final AccountCommandTargets targets = new AccountCommandTargets();

    /** One of each command, with and without the version it expects. */
    private static final List<AccountCommand> EVERY_COMMAND = List.of(
            new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", null),
            new RenameUser(ID, "Ada", "King", 3L),
            new RenameUser(ID, "Ada", "King", null),
            new ChangeEmail(ID, "ada@example.org", 4L),
            new ChangeAvatar(ID, null, 5L),
            new GenerateToken(ID, UUID.randomUUID(), "a".repeat(64), "abcd", 30, 6L),
            new DeleteToken(ID, 7L),
            new DeleteToken(ID, null));

    @Test
    void answersAsAxonsAnnotationScanDoesForEveryCommand() {
        CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();
        assertThat(EVERY_COMMAND).extracting(Object::getClass).map(Class.class::cast)
                .containsAll(Arrays.asList(AccountCommand.class.getPermittedSubclasses()));
        for (AccountCommand command : EVERY_COMMAND) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
            VersionedAggregateIdentifier expected = annotations.resolveTarget(message);
            VersionedAggregateIdentifier actual = targets.resolveTarget(message);
            assertThat(actual.getIdentifierValue()).as(command.toString()).isEqualTo(expected.getIdentifierValue());
            assertThat(actual.getVersion()).as(command.toString()).isEqualTo(expected.getVersion());
        }
    }

    @Test
    void findsTheAccountOfACommandAndTheVersionItExpects() {
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
                new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", null))).getVersion()).isNull();
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
