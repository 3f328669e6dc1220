package com.eoc.accounts.command.account;

import com.eoc.accounts.command.account.Rejections.FieldViolation;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the values of one command, collecting every broken rule before refusing it, so that a
 * form can show all of its errors at once. Returns the values as they are stored (trimmed).
 */
final class AccountRules {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_SUBJECT_LENGTH = 255;
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    // deliberately plain: one @, no spaces or control characters, a dot in a domain of letters,
    // digits and hyphens. Deliverability is for a confirmation mail to prove, not a regex.
    private static final Pattern EMAIL = Pattern.compile(
            "^[^@\\s\\p{Cntrl}]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    private final List<FieldViolation> violations = new ArrayList<>();

    String name(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            violations.add(new FieldViolation(field, "must not be blank"));
        } else if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation(field, "must not contain control characters"));
        }
        return trimmed;
    }

    String email(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            violations.add(new FieldViolation(field, "must not be blank"));
        } else if (trimmed.length() > MAX_EMAIL_LENGTH) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_EMAIL_LENGTH + " characters"));
        } else if (!EMAIL.matcher(trimmed).matches()
                || trimmed.indexOf('@') > MAX_LOCAL_PART_LENGTH) {
            violations.add(new FieldViolation(field, "must be a valid email address"));
        }
        return trimmed;
    }

    /** The login of a new account: the identity provider's subject, or else the account's own id. */
    String subject(String field, String value, String accountId) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return accountId;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_SUBJECT_LENGTH) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_SUBJECT_LENGTH + " characters"));
        } else if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation(field, "must not contain control characters"));
        }
        return trimmed;
    }

    void expiresInDays(String field, int days, List<Integer> offered) {
        if (!offered.contains(days)) {
            violations.add(new FieldViolation(field, "must be one of " + offered));
        }
    }

    void check() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
