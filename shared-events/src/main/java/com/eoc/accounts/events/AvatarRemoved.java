package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The account's profile image was removed: it shows none until another is uploaded. */
@Revision("1")
public record AvatarRemoved(UUID accountId) implements AccountEvent {
}
