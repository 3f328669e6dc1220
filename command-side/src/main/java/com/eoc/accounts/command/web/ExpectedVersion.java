package com.eoc.accounts.command.web;

import com.eoc.accounts.command.account.Rejections.FieldViolation;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match}: the version the client last saw, as the quoted value of an {@code ETag}
 * this service gave out ({@code "3"}). Absent or {@code *}: no expectation.
 */
public final class ExpectedVersion {

    private static final Pattern STRONG_ETAG = Pattern.compile("^\\s*\"?(\\d{1,18})\"?\\s*$");

    private ExpectedVersion() {
    }

    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidInputException(List.of(new FieldViolation("If-Match",
                    "must be an ETag of this account, such as \"3\"")));
        }
        return Long.parseLong(matcher.group(1));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
