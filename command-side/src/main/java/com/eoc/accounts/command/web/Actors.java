package com.eoc.accounts.command.web;

/**
 * Who is issuing the current request, as recorded in every event's metadata. Until callers
 * authenticate, everybody is {@value #ANONYMOUS}.
 */
public final class Actors {

    public static final String ANONYMOUS = "anonymous";
    public static final String METADATA_KEY = "actor";

    private Actors() {
    }

    public static String current() {
        return ANONYMOUS;
    }
}
