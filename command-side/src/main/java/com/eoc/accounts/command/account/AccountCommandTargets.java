package com.eoc.accounts.command.account;

import com.eoc.accounts.command.account.Commands.AccountCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * The account a command is for, and the version of it the command expects: read through the
 * command's type ({@link AccountCommand}) rather than found by Axon's reflective scan for
 * {@code @TargetAggregateIdentifier}, which walks every method of the command each time one is
 * sent: work repeated on every command for an answer the type already gives.
 */
@Component(AccountCommandTargets.BEAN_NAME)
class AccountCommandTargets implements CommandTargetResolver {

    static final String BEAN_NAME = "accountCommandTargets";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof AccountCommand target)) {
            throw new IllegalArgumentException("not a command for an account: " + command.getPayloadType().getName());
        }
        if (target.accountId() == null) {
            throw new IllegalArgumentException(command.getPayloadType().getSimpleName() + " names no account");
        }
        return new VersionedAggregateIdentifier(target.accountId(), target.expectedVersion());
    }
}
