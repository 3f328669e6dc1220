package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An administrator erased the personal data of a closed account: its data key is deleted in the
 * same transaction, so its names and email addresses read as erased ({@code null}) in every event
 * before this one, its email address is free again and its avatar images are gone. Which events
 * there were, when and by whom stays.
 */
@Revision("1")
public record PersonalDataErased(UUID accountId) implements AccountEvent {
}
