package com.eoc.accounts.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough JSON for the benchmark and the fault trials: read one field of the applications'
 * small answers, and write the results. The harnesses stay free of libraries besides the JDBC
 * driver.
 */
public final class Json {

    /** Compiled once per field and kind of value: the load reads one field of every answer. */
    private static final Map<String, Pattern> FIELDS = new ConcurrentHashMap<>();

    private Json() {
    }

    private static Matcher field(String json, String field, String value) {
        return FIELDS.computeIfAbsent(field + '\n' + value,
                key -> Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*" + value)).matcher(json);
    }

    /** The first number field of that name, or -1 when there is none. */
    public static long number(String json, String field) {
        Matcher matcher = field(json, field, "(-?\\d+)");
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** The first number field of that name; an answer without one is a failed request. */
    public static long requiredNumber(String json, String field) {
        Matcher matcher = field(json, field, "(-?\\d+)");
        if (!matcher.find()) {
            throw new IllegalStateException("no number " + field + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The first boolean field of that name. */
    public static boolean bool(String json, String field) {
        Matcher matcher = field(json, field, "(true|false)");
        if (!matcher.find()) {
            throw new IllegalStateException("no boolean " + field + " in " + json);
        }
        return Boolean.parseBoolean(matcher.group(1));
    }

    /** The first string field of that name (without escapes), or null. */
    public static String string(String json, String field) {
        List<String> values = strings(json, field);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every string field of that name (without escapes), in order. */
    public static List<String> strings(String json, String field) {
        Matcher matcher = field(json, field, "\"([^\"\\\\]*)\"");
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Maps, strings, numbers, booleans and nulls, indented. */
    public static String write(Object value, String indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            String inner = indent + "  ";
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "\n" : ",\n").append(inner).append(quote(entry.getKey().toString())).append(": ")
                        .append(write(entry.getValue(), inner));
                first = false;
            }
            return out.append(first ? "" : "\n" + indent).append('}').toString();
        }
        if (value instanceof Double number) {
            return number.isNaN() || number.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", number);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }
}
