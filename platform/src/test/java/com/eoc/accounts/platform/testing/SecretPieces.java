package com.eoc.accounts.platform.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test looks for in captured logs to prove a credential never reached them: the credential
 * cut in pieces, because a log line may hold only part of it (Spring MVC cuts long values at DEBUG).
 */
public final class SecretPieces {

    /** Characters per piece: any part of a secret longer than twice this holds a whole piece. */
    public static final int LENGTH = 12;

    private SecretPieces() {
    }

    /** The secret cut in pieces of {@value #LENGTH} characters, the last one flush with its end. */
    public static List<String> of(String secret) {
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start + LENGTH <= secret.length(); start += LENGTH) {
            pieces.add(secret.substring(start, start + LENGTH));
        }
        pieces.add(secret.substring(secret.length() - LENGTH));
        return pieces;
    }

    /**
     * A JWT as a bearer header, and its claims and signature in pieces: its header is the same in
     * all JWTs, the rest is what must not leak.
     */
    public static List<String> ofJwt(String jwt) {
        List<String> pieces = new ArrayList<>();
        pieces.add("Bearer " + jwt);
        pieces.addAll(of(jwt.substring(jwt.indexOf('.') + 1)));
        return pieces;
    }
}
