package com.eoc.accounts.platform.eventstore;

/**
 * The PostgreSQL notification channel on which the command side says "events were appended",
 * after they are committed, and the query side listens: its readers then fetch the new events at
 * once instead of at their next poll of the event table. A notification carries nothing; it may
 * stand for many appends, and a lost one costs only the poll interval.
 */
public final class AppendNotifications {

    public static final String CHANNEL = "eventstore_appended";

    private AppendNotifications() {
    }
}
