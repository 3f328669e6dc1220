package com.eoc.accounts.auditproof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 from the JDK, and the hexadecimal form in which exports and checkpoints carry digests. */
public final class Sha256 {

    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** The link before an account's first event: all zeros, a new array at each call (arrays are mutable). */
    public static byte[] none() {
        return new byte[LENGTH];
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static byte[] of(byte[] data) {
        return digest().digest(data);
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    /** @throws IllegalArgumentException unless the text is 64 hexadecimal digits */
    public static byte[] fromHex(String hex) {
        byte[] digest = HEX.parseHex(hex);
        if (digest.length != LENGTH) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + hex.length() + " hexadecimal digits");
        }
        return digest;
    }
}
