package com.eoc.accounts.query.account;

import java.util.Optional;
import java.util.UUID;

/** The view has not reached the version the client asked for within the wait: the client may ask again. */
public class ViewBehindException extends RuntimeException {

    public ViewBehindException(UUID accountId, long minVersion, Optional<Long> reached) {
        super(reached.map(version -> "the view of account " + accountId + " is at version " + version)
                .orElse("the view of account " + accountId + " does not exist yet")
                + ", not yet at version " + minVersion + ": retry shortly");
    }
}
