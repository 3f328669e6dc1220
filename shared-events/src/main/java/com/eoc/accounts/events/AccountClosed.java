package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An administrator closed the account: from now on it refuses every command but its reopening,
 * and its owner cannot sign in to it. A token it had is deleted just before, by a
 * {@link TokenDeleted} of the same command.
 */
@Revision("1")
public record AccountClosed(UUID accountId) implements AccountEvent {
}
