package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an auditor does with the service: keeps its public key apart, has a checkpoint signed,
 * exports an account's history and runs the offline verifier on it, a JVM of its own
 * ({@code java -jar audit-verifier.jar}).
 */
final class AuditVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSystem system;
    private final Path folder;
    private final Path publicKey;

    /** The outcome: the verifier's exit code and what it printed. */
    record Verdict(int exitCode, String output) {
    }

    AuditVerifier(RunningSystem system, Path folder) throws IOException, InterruptedException {
        this.system = system;
        this.folder = folder;
        HttpResponse<String> key = system.commandSide.send("GET", "/api/audit/public-key", null);
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.body()).startsWith("-----BEGIN PUBLIC KEY-----");
        this.publicKey = Files.writeString(folder.resolve("audit-public-key.pem"), key.body());
    }

    void signCheckpoint() throws IOException, InterruptedException {
        HttpResponse<String> signed = system.commandSide.send("POST", "/api/audit/checkpoints", null, system.admin());
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(JSON.readTree(signed.body()).get("signature").asString()).isNotEmpty();
    }

    /** Exports the history as an auditor and runs the verifier on it. */
    Verdict verify(String account) throws IOException, InterruptedException {
        String auditor = system.jwt("system-test-auditor", "auditor");
        HttpResponse<String> export = system.querySide.send("GET", "/api/accounts/" + account + "/history/export",
                null, auditor);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("history-" + account + ".json"));
        Path file = Files.writeString(folder.resolve("history-" + account + ".json"), export.body());
        Process verifier = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                System.getProperty("auditVerifier.jar"), "--public-key", publicKey.toString(), file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(verifier.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verdict(verifier.exitValue(), output);
    }
}
