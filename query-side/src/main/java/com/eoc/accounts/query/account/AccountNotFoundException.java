package com.eoc.accounts.query.account;

import java.util.UUID;

/** No view for this id: the account does not exist, or its registration is not projected yet. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(UUID accountId) {
        super("there is no account with id " + accountId);
    }
}
