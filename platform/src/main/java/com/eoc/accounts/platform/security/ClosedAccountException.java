package com.eoc.accounts.platform.security;

import org.springframework.security.access.AccessDeniedException;

/** The caller signed in as the owner of an account that an administrator has closed. */
public class ClosedAccountException extends AccessDeniedException {

    public ClosedAccountException() {
        super("this account is closed: an administrator can reopen it");
    }
}
