package com.eoc.accounts.command.email;

/** The address asked for is another account's: an email address belongs to one account at a time. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("this email address is already used by another account");
    }
}
