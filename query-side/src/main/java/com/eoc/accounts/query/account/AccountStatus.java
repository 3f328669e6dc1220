package com.eoc.accounts.query.account;

/** Whether an account is in use, as the views and dashboards show it. */
public enum AccountStatus {
    OPEN,
    /** Closed by an administrator: it refuses every command but its reopening, and its owner cannot sign in. */
    CLOSED,
    /** Closed, and its personal data erased: its names and email address read as null, for good. */
    ERASED
}
