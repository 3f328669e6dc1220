package com.eoc.accounts.auditproof;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in PEM, as OpenSSL writes them ({@code openssl genpkey -algorithm ed25519}): the
 * private key as PKCS #8, the public one as X.509 SubjectPublicKeyInfo. All from the JDK.
 */
public final class SigningKeys {

    public static final String ALGORITHM = "Ed25519";

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK from 15 on has " + ALGORITHM, e);
        }
    }

    /** A short name for a public key: the first 16 hexadecimal digits of SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        return Sha256.hex(Sha256.of(key.getEncoded())).substring(0, 16);
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** @throws IllegalArgumentException unless the text holds an Ed25519 public key in PEM */
    public static PublicKey readPublic(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " public key", e);
        }
    }

    /** @throws IllegalArgumentException unless the text holds an Ed25519 private key in PEM */
    public static PrivateKey readPrivate(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " private key", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(String pem, String label) {
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                return Base64.getMimeDecoder().decode(matcher.group(2));
            }
        }
        throw new IllegalArgumentException("no PEM block '" + label + "'");
    }
}
