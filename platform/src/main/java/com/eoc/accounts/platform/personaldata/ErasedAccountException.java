package com.eoc.accounts.platform.personaldata;

import java.util.UUID;

/** A personal field was about to be written for an account whose data was erased. */
public class ErasedAccountException extends IllegalStateException {

    public ErasedAccountException(UUID accountId) {
        super("the personal data of account " + accountId + " was erased: nothing more of it can be written");
    }
}
