package com.eoc.accounts.command.web;

import com.eoc.accounts.command.account.Rejections.EmailTakenException;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import com.eoc.accounts.command.account.Rejections.LiveTokenExistsException;
import com.eoc.accounts.command.account.Rejections.NoTokenException;
import com.eoc.accounts.command.avatar.AvatarRejections.UnsupportedImageTypeException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 {@code application/problem+json}. Spring's own web errors
 * (malformed JSON, wrong media type, bad path variable, oversized upload…) come from
 * {@link ResponseEntityExceptionHandler}; the domain's rules are mapped here.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);
    private static final String PREFIX = "urn:eoc:problem:";
    private static final URI BLANK = URI.create("about:blank");

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
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

    @ExceptionHandler(EmailTakenException.class)
    ProblemDetail emailTaken(EmailTakenException e) {
        return problem(HttpStatus.CONFLICT, "email-taken", "Email address taken", e.getMessage());
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

    /** Another node wrote the same account at the same moment; the client may simply retry. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "the account was changed by another request at the same time: retry");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure while handling a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; it has been logged");
    }

    /** Spring's own problems (malformed JSON, wrong media type…) get a type named after their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || BLANK.equals(problem.getType()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String name = status == null ? "http-" + statusCode.value()
                    : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
            problem.setType(URI.create(PREFIX + name));
        }
        return response;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

}
