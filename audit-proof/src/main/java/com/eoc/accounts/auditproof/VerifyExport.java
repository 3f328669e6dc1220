package com.eoc.accounts.auditproof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's verifier, with nothing but a JDK:
 * {@code java -jar audit-verifier.jar --public-key audit-public-key.pem history.json}.
 * Prints whether the export is intact or which event fails first; exits 0 if intact, 1 if not,
 * 2 if it cannot read its arguments.
 */
public final class VerifyExport {

    private static final String USAGE = "usage: java -jar audit-verifier.jar --public-key <public-key.pem> <export.json>";

    private VerifyExport() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 3 || !args[0].equals("--public-key")) {
            System.err.println(USAGE);
            return 2;
        }
        PublicKey key;
        HistoryExport export;
        try {
            key = SigningKeys.readPublic(Files.readString(Path.of(args[1])));
            export = read(Path.of(args[2]));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            System.err.println("cannot read " + (e instanceof JacksonException ? args[2] : "the arguments") + ": "
                    + e.getMessage());
            return 2;
        }
        ExportVerification.Result result = ExportVerification.verify(export, key);
        System.out.println(result.message());
        return result.intact() ? 0 : 1;
    }

    static HistoryExport read(Path file) throws IOException {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build()
                .readValue(Files.readString(file), HistoryExport.class);
    }
}
