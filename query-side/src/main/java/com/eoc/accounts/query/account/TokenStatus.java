package com.eoc.accounts.query.account;

/** Where an API token stands against its expiry date, as the settings screen shows it. */
public enum TokenStatus {
    ACTIVE,
    /** Within the warning period before expiry: the user should generate a new token. */
    EXPIRING_SOON,
    /** At or past its expiry date: it no longer authenticates. */
    EXPIRED
}
