package com.eoc.accounts.platform.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One text field of an event, encrypted with its account's data key: AES-256 in GCM mode from the
 * JDK, a fresh 96-bit nonce each time, and the account and field name as additional data, so that
 * a ciphertext moved to another account or field fails to decrypt rather than read as that one.
 * Stored as {@value #PREFIX} followed by the nonce and the ciphertext with its tag, in base64.
 */
final class FieldCipher {

    static final String PREFIX = "eoc-pd1:";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised afresh for each field: looking the transformation up
     * among the security providers cost more than the encryption itself (a profile of a command).
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + TRANSFORMATION, e);
        }
    });

    private FieldCipher() {
    }

    static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    static String encrypt(byte[] key, String accountId, String field, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, nonce, accountId, field,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** @throws IllegalStateException when the text is not this account's field under this key (tampered) */
    static String decrypt(byte[] key, String accountId, String field, String stored) {
        byte[] nonceAndSealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        ByteBuffer buffer = ByteBuffer.wrap(nonceAndSealed);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, accountId, field, sealed), StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, String accountId, String field, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((accountId + "/" + field).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // the message names no value: it may be the field's text
            throw new IllegalStateException("the " + field + " of account " + accountId
                    + " does not decrypt with the account's data key", e);
        }
    }
}
