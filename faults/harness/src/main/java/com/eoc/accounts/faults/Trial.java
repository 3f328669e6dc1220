package com.eoc.accounts.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One trial's figures, and the reasons it failed (none when it passed). */
final class Trial {

    private final String name;
    private final String what;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    Trial(String name, String what) {
        this.name = name;
        this.what = what;
    }

    String name() {
        return name;
    }

    String what() {
        return what;
    }

    Trial put(String figure, Object value) {
        figures.put(figure, value);
        return this;
    }

    void putAll(Map<String, Object> values) {
        figures.putAll(values);
    }

    /** Counts a failure when {@code holds} is false. */
    void require(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return failures;
    }

    Map<String, Object> figures() {
        return figures;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("what", what);
        json.put("passed", passed());
        json.put("failures", String.join("; ", failures));
        json.put("figures", figures);
        return json;
    }
}
