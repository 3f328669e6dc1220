package com.eoc.accounts.query.account;

import java.time.Instant;
import java.util.UUID;

/** No view for this id: the account does not exist, or its registration is not projected yet. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(UUID accountId) {
        super("there is no account with id " + accountId);
    }

    /** The account's state was asked for as of an instant before its registration. */
    public AccountNotFoundException(UUID accountId, Instant asOf) {
        super("there was no account with id " + accountId + " at " + asOf);
    }
}
