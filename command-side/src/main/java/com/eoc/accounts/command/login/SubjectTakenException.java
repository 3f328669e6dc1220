package com.eoc.accounts.command.login;

/** The login asked for is another account's: a login belongs to one account for ever. */
public class SubjectTakenException extends RuntimeException {

    public SubjectTakenException() {
        super("this subject is already the login of another account");
    }
}
