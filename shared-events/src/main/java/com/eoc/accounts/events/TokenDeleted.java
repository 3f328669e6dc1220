package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TokenDeleted(UUID accountId, UUID tokenId) implements AccountEvent {
}
