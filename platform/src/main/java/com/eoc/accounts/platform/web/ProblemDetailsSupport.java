package com.eoc.accounts.platform.web;

import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The error conventions of both applications: every failure is RFC 9457
 * {@code application/problem+json} with a {@code type} of the form {@code urn:eoc:problem:<name>}.
 * Spring's own web errors (malformed JSON, wrong media type, bad path variable…) come from
 * {@link ResponseEntityExceptionHandler} and are named after their status; anything unexpected
 * is a 500 that says nothing of the internals. Each application adds its domain's rules in an
 * {@code @RestControllerAdvice} that extends this class.
 */
public abstract class ProblemDetailsSupport extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsSupport.class);
    private static final String PREFIX = "urn:eoc:problem:";
    private static final URI BLANK = URI.create("about:blank");

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure while handling a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; it has been logged");
    }

    /** A multipart body Spring could not parse (no boundary, cut off): the client's fault. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "the multipart/form-data body could not be read");
    }

    /** Says which parameter was wrong and what it should be, without echoing the input. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        Class<?> expected = ex.getRequiredType();
        String detail = "'" + name + "' must be "
                + (expected == null ? "of another type" : "a valid " + expected.getSimpleName());
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /**
     * Spring's own problems get a type named after their status instead of {@code about:blank}.
     * Most of them arrive here without a body, which the superclass then builds: name it after.
     */
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
}
