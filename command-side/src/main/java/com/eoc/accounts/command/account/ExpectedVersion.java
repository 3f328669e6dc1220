package com.eoc.accounts.command.account;

import com.eoc.accounts.command.account.Rejections.FieldViolation;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import com.eoc.accounts.command.account.Rejections.WeakEntityTagException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match}: the version of the account the client last saw, as the quoted value of
 * an {@code ETag} this service gave out ({@code "3"}). Absent or {@code *}: no expectation.
 */
final class ExpectedVersion {

    /**
     * Exactly one strong tag, quoted on both sides as RFC 9110 writes it: a bare {@code 5} or a
     * half-quoted {@code "5} is a client's mistake to be told of, not a version to be guessed.
     */
    private static final Pattern STRONG_ETAG = Pattern.compile("^\\s*\"(\\d{1,18})\"\\s*$");
    private static final Pattern WEAK_ETAG = Pattern.compile("^\\s*W/\"[^\"]*\"\\s*$");

    private ExpectedVersion() {
    }

    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        if (WEAK_ETAG.matcher(ifMatch).matches()) {
            // If-Match compares strongly (RFC 9110): a weak tag matches no version
            throw new WeakEntityTagException();
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidInputException(List.of(new FieldViolation("If-Match",
                    "must be an ETag of this account, such as \"3\"")));
        }
        return Long.parseLong(matcher.group(1));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
