package com.eoc.accounts.localsigningkey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/** Files that hold a private key, made once by whichever process starts first. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Writes {@code contents} to {@code file}, readable by its owner only, unless the file exists.
     * The contents are written aside and linked into place, so that of two processes starting
     * together the first wins and the other reads the winner's key.
     *
     * @return whether this call made the file
     */
    public static boolean createOnce(Path file, Supplier<String> contents) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, ".key", ".tmp");
        try {
            if (Files.getFileStore(draft).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(draft, contents.get(), StandardCharsets.US_ASCII);
            Files.createLink(file, draft);
            return true;
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            return false;
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
