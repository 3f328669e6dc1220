package com.eoc.accounts.query.account;

/** The caller's login is no account's (or, just registered, not projected yet). */
public class NoAccountException extends RuntimeException {

    public NoAccountException() {
        super("the caller's login has no account");
    }
}
