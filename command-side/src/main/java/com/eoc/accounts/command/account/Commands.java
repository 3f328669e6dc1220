package com.eoc.accounts.command.account;

import com.eoc.accounts.command.avatar.StoredAvatar;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The requests an account accepts. {@code expectedVersion} comes from {@code If-Match}; when
 * present, Axon refuses the command if the account has moved on since.
 */
final class Commands {

    private Commands() {
    }

    /**
     * A command for one account: the account it is for, and the version of it the client expects
     * (none: any). Axon reads both from the annotations ({@code @TargetAggregateIdentifier},
     * {@code @TargetAggregateVersion}).
     */
    sealed interface AccountCommand
            permits RegisterAccount, RenameUser, ChangeEmail, ChangeAvatar, RemoveAvatar, GenerateToken, DeleteToken,
            CloseAccount, ReopenAccount, ErasePersonalData {

        UUID accountId();

        Long expectedVersion();
    }

    /** {@code subject}: the identity provider's {@code sub} of the user; none (null or blank): the account's id. */
    record RegisterAccount(@TargetAggregateIdentifier UUID accountId, String firstName, String lastName,
                           String email, String subject) implements AccountCommand {

        /** A new account: there is no version to expect. */
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    record RenameUser(@TargetAggregateIdentifier UUID accountId, String firstName, String lastName,
                      @TargetAggregateVersion Long expectedVersion) implements AccountCommand {
    }

    record ChangeEmail(@TargetAggregateIdentifier UUID accountId, String email,
                       @TargetAggregateVersion Long expectedVersion) implements AccountCommand {
    }

    record ChangeAvatar(@TargetAggregateIdentifier UUID accountId, StoredAvatar avatar,
                        @TargetAggregateVersion Long expectedVersion) implements AccountCommand {
    }

    record RemoveAvatar(@TargetAggregateIdentifier UUID accountId, @TargetAggregateVersion Long expectedVersion)
            implements AccountCommand {
    }

    /** The token itself never travels in a command: only its hash and hint. */
    record GenerateToken(@TargetAggregateIdentifier UUID accountId, UUID tokenId, String tokenHash, String hint,
                         int expiresInDays, @TargetAggregateVersion Long expectedVersion) implements AccountCommand {

        @Override
        public String toString() {
            return "GenerateToken[accountId=" + accountId + ", tokenId=" + tokenId + ", expiresInDays="
                    + expiresInDays + "]";
        }
    }

    record DeleteToken(@TargetAggregateIdentifier UUID accountId, @TargetAggregateVersion Long expectedVersion)
            implements AccountCommand {
    }

    record CloseAccount(@TargetAggregateIdentifier UUID accountId, @TargetAggregateVersion Long expectedVersion)
            implements AccountCommand {
    }

    record ReopenAccount(@TargetAggregateIdentifier UUID accountId, @TargetAggregateVersion Long expectedVersion)
            implements AccountCommand {
    }

    record ErasePersonalData(@TargetAggregateIdentifier UUID accountId, @TargetAggregateVersion Long expectedVersion)
            implements AccountCommand {
    }
}
