package com.eoc.accounts.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.command.account.Commands.AccountCommand;
import com.eoc.accounts.command.account.Commands.ChangeAvatar;
import com.eoc.accounts.command.account.Commands.ChangeEmail;
import com.eoc.accounts.command.account.Commands.CloseAccount;
import com.eoc.accounts.command.account.Commands.ErasePersonalData;
import com.eoc.accounts.command.account.Commands.DeleteToken;
import com.eoc.accounts.command.account.Commands.GenerateToken;
import com.eoc.accounts.command.account.Commands.RegisterAccount;
import com.eoc.accounts.command.account.Commands.RemoveAvatar;
import com.eoc.accounts.command.account.Commands.RenameUser;
import com.eoc.accounts.command.account.Commands.ReopenAccount;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** Axon finds each command's account, and the version the client expects, by the commands' annotations. */
class CommandTargetsTest {

    private static final UUID ID = UUID.fromString("7b7a3c1e-0000-4000-8000-000000000001");

    private static final List<AccountCommand> EVERY_COMMAND = List.of(
            new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", null),
            new RenameUser(ID, "Ada", "King", 3L),
            new ChangeEmail(ID, "ada@example.org", 4L),
            new ChangeAvatar(ID, null, 5L),
            new GenerateToken(ID, UUID.randomUUID(), "a".repeat(64), "abcd", 30, 6L),
            new DeleteToken(ID, 7L),
            new RemoveAvatar(ID, 8L),
            new CloseAccount(ID, 9L),
            new ReopenAccount(ID, 10L),
            new ErasePersonalData(ID, 11L));

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void everyCommandNamesItsAccountAndTheVersionItExpects() {
        assertThat(EVERY_COMMAND).extracting(Object::getClass).map(Class.class::cast)
                .containsAll(Arrays.asList(AccountCommand.class.getPermittedSubclasses()));
        for (AccountCommand command : EVERY_COMMAND) {
            VersionedAggregateIdentifier target = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(target.getIdentifierValue()).as(command.toString()).isEqualTo(ID);
            assertThat(target.getVersion()).as(command.toString()).isEqualTo(command.expectedVersion());
        }
    }

    @Test
    void aCommandWithoutIfMatchExpectsNoVersion() {
        assertThat(axon.resolveTarget(GenericCommandMessage.asCommandMessage(new DeleteToken(ID, null))).getVersion())
                .isNull();
        assertThat(axon.resolveTarget(GenericCommandMessage.asCommandMessage(
                new RegisterAccount(ID, "Ada", "Lovelace", "ada@example.com", null))).getVersion()).isNull();
    }
}
