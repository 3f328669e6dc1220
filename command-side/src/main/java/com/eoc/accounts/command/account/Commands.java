package com.eoc.accounts.command.account;

import com.eoc.accounts.command.avatar.StoredAvatar;
import java.util.UUID;

/**
 * The requests an account accepts. {@code expectedVersion} comes from {@code If-Match}; when
 * present, Axon refuses the command if the account has moved on since.
 */
final class Commands {

    private Commands() {
    }

    /**
     * What Axon needs to route a command: the account it is for, and the version of it the client
     * expects (none: any). {@link AccountCommandTargets} reads these two, where Axon's annotation
     * scan would look for them by reflection on every command.
     */
    sealed interface AccountCommand
            permits RegisterAccount, RenameUser, ChangeEmail, ChangeAvatar, GenerateToken, DeleteToken {

        UUID accountId();

        Long expectedVersion();
    }

    record RegisterAccount(UUID accountId, String firstName, String lastName, String email)
            implements AccountCommand {

        /** A new account: there is no version to expect. */
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    record RenameUser(UUID accountId, String firstName, String lastName, Long expectedVersion)
            implements AccountCommand {
    }

    record ChangeEmail(UUID accountId, String email, Long expectedVersion) implements AccountCommand {
    }

    record ChangeAvatar(UUID accountId, StoredAvatar avatar, Long expectedVersion) implements AccountCommand {
    }

    /** The token itself never travels in a command: only its hash and hint. */
    record GenerateToken(UUID accountId, UUID tokenId, String tokenHash, String hint,
                         int expiresInDays, Long expectedVersion) implements AccountCommand {

        @Override
        public String toString() {
            return "GenerateToken[accountId=" + accountId + ", tokenId=" + tokenId + ", expiresInDays="
                    + expiresInDays + "]";
        }
    }

    record DeleteToken(UUID accountId, Long expectedVersion) implements AccountCommand {
    }
}
