package com.eoc.accounts.query.account;

import java.util.UUID;

/** The account exists but has no avatar. */
public class NoAvatarException extends RuntimeException {

    public NoAvatarException(UUID accountId) {
        super("the account " + accountId + " has no avatar");
    }
}
