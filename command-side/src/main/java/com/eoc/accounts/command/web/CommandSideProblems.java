package com.eoc.accounts.command.web;

import com.eoc.accounts.command.account.Rejections.AccountClosedException;
import com.eoc.accounts.command.account.Rejections.AccountErasedException;
import com.eoc.accounts.command.account.Rejections.AccountOpenException;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import com.eoc.accounts.command.account.Rejections.LiveTokenExistsException;
import com.eoc.accounts.command.account.Rejections.NoAvatarException;
import com.eoc.accounts.command.account.Rejections.NoTokenException;
import com.eoc.accounts.command.account.Rejections.WeakEntityTagException;
import com.eoc.accounts.command.avatar.AvatarRejections.CorruptImageException;
import com.eoc.accounts.command.avatar.AvatarRejections.ImageDimensionsTooLargeException;
import com.eoc.accounts.command.avatar.AvatarRejections.UnsupportedImageTypeException;
import com.eoc.accounts.command.email.EmailTakenException;
import com.eoc.accounts.command.login.SubjectTakenException;
import com.eoc.accounts.platform.web.ProblemDetailsSupport;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command side's refusals as RFC 9457 {@code application/problem+json}: the domain's rules
 * are mapped here; Spring's own web errors and the conventions come from
 * {@link ProblemDetailsSupport}.
 */
@RestControllerAdvice
class CommandSideProblems extends ProblemDetailsSupport {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
        return problem;
    }

    /** Only this service's own refusals: any other IllegalArgumentException is a bug, a 500. */
    @ExceptionHandler({CorruptImageException.class, ImageDimensionsTooLargeException.class})
    ProblemDetail badImage(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-image", "Invalid image", e.getMessage());
    }

    @ExceptionHandler(UnsupportedImageTypeException.class)
    ProblemDetail unsupportedImage(UnsupportedImageTypeException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-type", "Unsupported image type",
                e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail noSuchAccount(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "account-not-found", "No such account",
                "there is no account with id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(NoTokenException.class)
    ProblemDetail noToken(NoTokenException e) {
        return problem(HttpStatus.NOT_FOUND, "no-token", "No API token", e.getMessage());
    }

    @ExceptionHandler(NoAvatarException.class)
    ProblemDetail noAvatar(NoAvatarException e) {
        return problem(HttpStatus.NOT_FOUND, "no-avatar", "No avatar", e.getMessage());
    }

    @ExceptionHandler(EmailTakenException.class)
    ProblemDetail emailTaken(EmailTakenException e) {
        return problem(HttpStatus.CONFLICT, "email-taken", "Email address taken", e.getMessage());
    }

    @ExceptionHandler(SubjectTakenException.class)
    ProblemDetail subjectTaken(SubjectTakenException e) {
        return problem(HttpStatus.CONFLICT, "subject-taken", "Subject taken", e.getMessage());
    }

    @ExceptionHandler(AccountClosedException.class)
    ProblemDetail accountClosed(AccountClosedException e) {
        return problem(HttpStatus.CONFLICT, "account-closed", "Account closed", e.getMessage());
    }

    @ExceptionHandler(AccountOpenException.class)
    ProblemDetail accountOpen(AccountOpenException e) {
        return problem(HttpStatus.CONFLICT, "account-open", "Account open", e.getMessage());
    }

    @ExceptionHandler(AccountErasedException.class)
    ProblemDetail accountErased(AccountErasedException e) {
        return problem(HttpStatus.CONFLICT, "account-erased", "Account erased", e.getMessage());
    }

    @ExceptionHandler(LiveTokenExistsException.class)
    ProblemDetail liveToken(LiveTokenExistsException e) {
        return problem(HttpStatus.CONFLICT, "live-token-exists", "A live API token exists", e.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "The account has changed",
                "If-Match names version " + e.getExpectedVersion() + " but the account is at version "
                        + e.getActualVersion() + ": read it again and retry");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(WeakEntityTagException.class)
    ProblemDetail weakEntityTag(WeakEntityTagException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "The account has changed", e.getMessage());
    }

    /** Another node wrote the same account at the same moment; the client may simply retry. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "the account was changed by another request at the same time: retry");
    }
}
