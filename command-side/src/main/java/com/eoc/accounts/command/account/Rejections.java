package com.eoc.accounts.command.account;

import java.util.List;

/** The rules an account enforces, as exceptions whose messages a user can act on. */
public final class Rejections {

    private Rejections() {
    }

    /** Bad input: one entry per offending field. */
    public static class InvalidInputException extends IllegalArgumentException {

        private final transient List<FieldViolation> violations;

        public InvalidInputException(List<FieldViolation> violations) {
            super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                    .orElse("invalid input"));
            this.violations = List.copyOf(violations);
        }

        public List<FieldViolation> violations() {
            return violations;
        }
    }

    public record FieldViolation(String field, String message) {
    }

    public static class LiveTokenExistsException extends RuntimeException {
        public LiveTokenExistsException() {
            super("the account already has a live API token: delete the current token first");
        }
    }

    /** The precondition cannot hold: an account's versions are strong entity tags. */
    public static class WeakEntityTagException extends RuntimeException {
        public WeakEntityTagException() {
            super("If-Match compares strong entity tags, and a weak one (W/...) matches no version: "
                    + "send the ETag as it was given, such as \"3\"");
        }
    }

    public static class NoTokenException extends RuntimeException {
        public NoTokenException() {
            super("the account has no API token");
        }
    }

    public static class NoAvatarException extends RuntimeException {
        public NoAvatarException() {
            super("the account has no profile image");
        }
    }

    /** The account is closed: only its reopening is accepted. */
    public static class AccountClosedException extends RuntimeException {
        public AccountClosedException() {
            super("the account is closed: an administrator can reopen it");
        }
    }

    /** Personal data is erased only from a closed account. */
    public static class AccountOpenException extends RuntimeException {
        public AccountOpenException() {
            super("the account is open: close it before erasing its personal data");
        }
    }

    /** An account whose personal data was erased cannot be reopened: there is no one to give it back to. */
    public static class AccountErasedException extends RuntimeException {
        public AccountErasedException() {
            super("the account's personal data was erased: it stays closed");
        }
    }
}
