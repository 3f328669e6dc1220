package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An administrator reopened a closed account: it is as it was when closed, without a token. */
@Revision("1")
public record AccountReopened(UUID accountId) implements AccountEvent {
}
