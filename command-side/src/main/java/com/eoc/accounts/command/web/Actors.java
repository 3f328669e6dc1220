package com.eoc.accounts.command.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is issuing the current request, as recorded in every event's metadata: the authenticated
 * subject (a user's account id, or a service's name), so that an admin acting on somebody's
 * account shows as the admin.
 */
public final class Actors {

    public static final String ANONYMOUS = "anonymous";
    public static final String METADATA_KEY = "actor";

    private Actors() {
    }

    public static String current() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || !caller.isAuthenticated() ? ANONYMOUS : caller.getName();
    }
}
