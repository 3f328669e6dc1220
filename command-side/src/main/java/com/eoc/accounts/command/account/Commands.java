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

    record RegisterAccount(@TargetAggregateIdentifier UUID accountId, String firstName, String lastName,
                           String email) {
    }

    record RenameUser(@TargetAggregateIdentifier UUID accountId, String firstName, String lastName,
                      @TargetAggregateVersion Long expectedVersion) {
    }

    record ChangeEmail(@TargetAggregateIdentifier UUID accountId, String email,
                       @TargetAggregateVersion Long expectedVersion) {
    }

    record ChangeAvatar(@TargetAggregateIdentifier UUID accountId, StoredAvatar avatar,
                        @TargetAggregateVersion Long expectedVersion) {
    }

    /** The token itself never travels in a command: only its hash and hint. */
    record GenerateToken(@TargetAggregateIdentifier UUID accountId, UUID tokenId, String tokenHash, String hint,
                         int expiresInDays, @TargetAggregateVersion Long expectedVersion) {

        @Override
        public String toString() {
            return "GenerateToken[accountId=" + accountId + ", tokenId=" + tokenId + ", expiresInDays="
                    + expiresInDays + "]";
        }
    }

    record DeleteToken(@TargetAggregateIdentifier UUID accountId, @TargetAggregateVersion Long expectedVersion) {
    }
}
