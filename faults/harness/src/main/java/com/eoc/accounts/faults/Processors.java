package com.eoc.accounts.faults;

import com.eoc.accounts.harness.Json;

/** The query side's processors page (GET /api/admin/processors), one processor's entry of it. */
record Processors(int status, boolean caughtUp, boolean replaying, boolean failing, long claimedSegments,
                  long segments, long done) {

    static final String ACCOUNTS = "accounts";

    /** The entry of that processor on that node; status is the page's HTTP status (or no answer). */
    static Processors read(Api api, Node querySide, String processor) {
        Outcome page = api.get(querySide, "/api/admin/processors");
        if (!page.ok()) {
            return new Processors(page.status(), false, false, false, -1, -1, -1);
        }
        String body = page.body();
        int start = body.indexOf("\"name\":\"" + processor + "\"");
        if (start < 0) {
            return new Processors(page.status(), false, false, false, -1, -1, -1);
        }
        int end = body.indexOf("\"name\":", start + 1);
        String entry = body.substring(start, end < 0 ? body.length() : end);
        return new Processors(page.status(), Json.bool(entry, "caughtUp"), Json.bool(entry, "replaying"),
                Json.bool(entry, "failing"), Json.number(entry, "claimedSegments"), Json.number(entry, "segments"),
                Json.number(entry, "done"));
    }

    boolean settled() {
        return status == 200 && caughtUp && !replaying;
    }
}
