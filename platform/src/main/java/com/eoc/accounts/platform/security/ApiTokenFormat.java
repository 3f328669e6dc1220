package com.eoc.accounts.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The personal API token: {@code eoc_} + 32 random base62 characters + a 6-character base62
 * CRC32 of the random part. The prefix lets secret scanners recognise a leaked token; the
 * checksum catches a typo without a database look-up. Only {@link #hash(String)} of a token is
 * ever stored.
 */
public final class ApiTokenFormat {

    public static final String PREFIX = "eoc_";
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
    public static final int HINT_LENGTH = 4;

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenFormat() {
    }

    public static String generate() {
        char[] random = new char[RANDOM_LENGTH];
        for (int i = 0; i < random.length; i++) {
            random[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        String body = new String(random);
        return PREFIX + body + checksum(body);
    }

    /** True when the text has the token's shape and its checksum matches. */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        String body = token.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (!isBase62(token.charAt(i))) {
                return false;
            }
        }
        return checksum(body).equals(token.substring(PREFIX.length() + RANDOM_LENGTH));
    }

    /** Hex SHA-256 of the whole token: what events and tables keep instead of the token. */
    public static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }

    /** The last characters, shown to users so that they can tell their token apart. */
    public static String hint(String token) {
        return token.substring(token.length() - HINT_LENGTH);
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62[(int) (value % BASE62.length)];
            value /= BASE62.length;
        }
        return new String(digits);
    }

    private static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
