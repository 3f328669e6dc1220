package com.eoc.accounts.auditproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The command line: an export and a key file in, a verdict and an exit status out. */
class VerifyExportTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void capture() {
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    @Test
    void anIntactExportExitsWithZeroAndATamperedOneWithOne() throws Exception {
        HistoryExport export = ExportVerificationTest.export(3, Long.MAX_VALUE);
        Path key = Files.writeString(folder.resolve("key.pem"), SigningKeys.publicPem(ExportVerificationTest.key()));
        Path intact = write("intact.json", JsonMapper.builder().build().writeValueAsString(export));

        assertThat(VerifyExport.run(new String[] {"--public-key", key.toString(), intact.toString()})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("intact: 3 events");

        String tampered = Files.readString(intact).replace("Name 1", "Name X");
        Path changed = write("changed.json", tampered);
        assertThat(VerifyExport.run(new String[] {"--public-key", key.toString(), changed.toString()})).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT INTACT: event 1 (global index");
    }

    @Test
    void whatItCannotReadExitsWithTwo() throws Exception {
        Path key = Files.writeString(folder.resolve("key.pem"), SigningKeys.publicPem(ExportVerificationTest.key()));
        Path notJson = write("not.json", "{\"format\": ");

        assertThat(VerifyExport.run(new String[] {"--public-key", key.toString(), notJson.toString()})).isEqualTo(2);
        assertThat(VerifyExport.run(new String[] {notJson.toString()})).isEqualTo(2);
        assertThat(VerifyExport.run(new String[] {"--public-key", notJson.toString(), notJson.toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar audit-verifier.jar");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content);
    }
}
