package com.eoc.accounts.command.account;

import com.eoc.accounts.command.account.Rejections.FieldViolation;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the values of one command, collecting every broken rule before refusing it, so that a
 * form can show all of its errors at once. Returns the values as they are stored.
 *
 * <p>Lengths are counted in Unicode code points, here and wherever a name or an email address is
 * measured (the query side's search counts the same way), so that an emoji or a letter outside
 * the Basic Multilingual Plane counts once, as a reader counts it. A name is stored in
 * Unicode's composed form (NFC), so that the same name typed on two keyboards is one string in
 * the event, the view and the search. An email address is stored as mail servers compare it: an
 * internationalised domain in its ASCII form ({@code bücher.example} becomes
 * {@code xn--bcher-kva.example}), which also shows a look-alike domain for what it is; the email
 * index, the view and the search then all hold the same ASCII text. docs/api.md lists the rules.
 */
final class AccountRules {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_SUBJECT_LENGTH = 255;
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    /**
     * RFC 5322's dot-atom of printable ASCII, without quoted strings or comments: every mailbox
     * that people use, and nothing that changes meaning when another program reads it (quotes,
     * angle brackets, a second {@code @}). Deliverability is for a confirmation mail to prove.
     */
    private static final Pattern LOCAL_PART = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** Labels of letters, digits and inner hyphens, at least two of them: a domain in its ASCII form. */
    private static final Pattern DOMAIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final String NOT_TEXT = "must be valid Unicode text";
    private static final String CONTROL = "must not contain control characters or line breaks";
    private static final String INVISIBLE = "must not contain invisible, direction-changing, private-use or"
            + " unassigned characters";

    private final List<FieldViolation> violations = new ArrayList<>();

    String name(String field, String value) {
        if (!isWellFormed(value)) {
            violations.add(new FieldViolation(field, NOT_TEXT));
            return "";
        }
        String name = Normalizer.normalize(trim(value), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            violations.add(new FieldViolation(field, "must not be blank"));
        } else if (codePoints(name) > MAX_NAME_LENGTH) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (name.codePoints().anyMatch(AccountRules::isControl)) {
            violations.add(new FieldViolation(field, CONTROL));
        } else if (name.codePoints().anyMatch(AccountRules::isInvisible)) {
            violations.add(new FieldViolation(field, INVISIBLE));
        } else if (name.codePoints().noneMatch(AccountRules::isVisible)) {
            violations.add(new FieldViolation(field, "must contain a letter, a digit, a punctuation mark or a symbol"));
        }
        return name;
    }

    String email(String field, String value) {
        if (!isWellFormed(value)) {
            violations.add(new FieldViolation(field, NOT_TEXT));
            return "";
        }
        String trimmed = trim(value);
        if (trimmed.isEmpty()) {
            violations.add(new FieldViolation(field, "must not be blank"));
            return trimmed;
        }
        String address = codePoints(trimmed) > MAX_EMAIL_LENGTH ? trimmed : asciiAddress(trimmed);
        if (address == null) {
            violations.add(new FieldViolation(field, "must be a valid email address"));
            return trimmed;
        }
        // measured again in its ASCII form, which is what is stored: a domain's ASCII form is longer
        if (codePoints(address) > MAX_EMAIL_LENGTH) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_EMAIL_LENGTH + " characters"));
        }
        return address;
    }

    /** The login of a new account: the identity provider's subject, or else the account's own id. */
    String subject(String field, String value, String accountId) {
        if (!isWellFormed(value)) {
            violations.add(new FieldViolation(field, NOT_TEXT));
            return "";
        }
        // compared with the JWT's sub as it is, character for character: not normalised
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return accountId;
        }
        if (codePoints(trimmed) > MAX_SUBJECT_LENGTH) {
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

    /**
     * The address with its domain in ASCII (IDNA, as the JDK implements it), or null if it is not a
     * valid one. The local part stays as it was sent: ASCII only, since a non-ASCII mailbox name
     * (RFC 6531) is delivered by few servers and compared by none the same way.
     */
    private static String asciiAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at > MAX_LOCAL_PART_LENGTH || at == address.length() - 1) {
            return null;
        }
        String localPart = address.substring(0, at);
        if (!LOCAL_PART.matcher(localPart).matches()) {
            return null;
        }
        String written = address.substring(at + 1);
        // IDNA would map most of these away silently: what looks like a domain must be one
        if (written.codePoints().anyMatch(codePoint -> isControl(codePoint) || isInvisible(codePoint))) {
            return null;
        }
        String domain;
        try {
            domain = IDN.toASCII(written, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notADomain) {
            return null;
        }
        return DOMAIN.matcher(domain).matches() ? localPart + "@" + domain : null;
    }

    /** False for a lone surrogate, which a JSON escape ({@code \ud800}) can carry but no UTF-8 text can. */
    private static boolean isWellFormed(String value) {
        return value == null || StandardCharsets.UTF_8.newEncoder().canEncode(value);
    }

    /** Without the blanks around it, those of any script included (no-break and ideographic spaces). */
    private static String trim(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isBlank(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    private static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static int codePoints(String value) {
        return value.codePointCount(0, value.length());
    }

    /** C0 and C1 controls, DEL, and the line and paragraph separators: they break a line wherever the name is shown. */
    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * What shows nothing or changes how the text around it shows: format characters (bidirectional
     * overrides and isolates, zero-width spaces, tags), except the zero-width joiner and
     * non-joiner that some scripts and emoji need; the fillers of Hangul and the blank Braille
     * pattern, letters that render as nothing; private-use and unassigned code points, whose
     * meaning no one shares.
     */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT) {
            return codePoint != 0x200C && codePoint != 0x200D;
        }
        return type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800;
    }

    /** A letter, digit, punctuation mark or symbol: not a space, a mark or a joiner alone. */
    private static boolean isVisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
