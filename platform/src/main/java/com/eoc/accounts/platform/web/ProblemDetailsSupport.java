package com.eoc.accounts.platform.web;

import com.eoc.accounts.platform.security.ClosedAccountException;
import com.eoc.accounts.platform.security.RefusedApiTokenException;
import java.net.URI;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The error conventions of both applications: every failure is RFC 9457
 * {@code application/problem+json} with a {@code type} of the form {@code urn:eoc:problem:<name>}.
 * Spring's own web errors (malformed JSON, wrong media type, bad path variable…) come from
 * {@link ResponseEntityExceptionHandler} and are named after their status; anything unexpected
 * is a 500 that says nothing of the internals. Each application adds its domain's rules in an
 * {@code @RestControllerAdvice} that extends this class, and so also gets what Tomcat refuses
 * before Spring sees it ({@link TomcatProblems}) and what is sent to the error page
 * ({@link ProblemErrorController}) as problems, reads JSON bodies strictly
 * ({@link JsonRequestBodies}) and refuses an undecodable query string wherever it is
 * ({@link ParametersDecodedFirst}).
 *
 * <p>A refusal is the client's affair and is not logged; nothing the client sent is ever
 * repeated in a log line (an exception's message may quote it, so a refusal's is not logged).
 */
@Import({TomcatProblems.class, ProblemErrorController.class, DatabaseUnavailableFilter.class, JsonRequestBodies.class,
        ParametersDecodedFirst.class})
public abstract class ProblemDetailsSupport extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsSupport.class);
    /** What every problem's {@code type} starts with; its name follows. */
    public static final String PREFIX = "urn:eoc:problem:";
    private static final URI BLANK = URI.create("about:blank");
    private static final String INTERNAL_ERROR_NAME = "internal-error";
    /** The type of every unexpected failure, whoever answers it. */
    static final String INTERNAL_ERROR = PREFIX + INTERNAL_ERROR_NAME;

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            return DatabaseUnavailable.answer(e);
        }
        log.error("Unexpected failure while handling a request", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                INTERNAL_ERROR_NAME, "Internal error", "the request could not be completed; it has been logged"));
    }

    /**
     * Missing, malformed, forged, expired or deleted credentials (RFC 6750). The detail says which
     * of these it was as far as that helps the client, never repeating what it sent.
     */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        String detail;
        if (e instanceof RefusedApiTokenException refused) {
            detail = refused.getMessage();
        } else if (e instanceof InvalidBearerTokenException) {
            detail = "the JWT is malformed, not signed by the identity provider, or expired";
        } else if (e instanceof OAuth2AuthenticationException) {
            detail = "the Authorization header is malformed: send exactly one 'Bearer <token>'";
        } else if (e instanceof InsufficientAuthenticationException) {
            detail = "this request needs 'Authorization: Bearer <token>' with a JWT from the identity provider"
                    + " or an API token";
        } else {
            detail = "the credentials were refused";
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail));
    }

    /** Authenticated, but the caller's roles do not allow this request. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return forbidden("forbidden", "Forbidden", "the caller's roles do not allow this request");
    }

    /** The caller owns the account, and the account is closed: the same answer to every request of theirs. */
    @ExceptionHandler(ClosedAccountException.class)
    ResponseEntity<ProblemDetail> closedAccount(ClosedAccountException e) {
        return forbidden("account-closed", "Account closed", e.getMessage());
    }

    /** A 403, with the challenge that every 403 carries. */
    private static ResponseEntity<ProblemDetail> forbidden(String type, String title, String detail) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                .body(problem(HttpStatus.FORBIDDEN, type, title, detail));
    }

    /**
     * Spring Security's firewall refused the method (one it does not know, such as TRACK or
     * PROPFIND) or the URL (an encoded or doubled slash, a {@code ;} parameter…) before any rule
     * looked at it.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejectedUrl(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "the request's method or URL is not allowed here (a method other than GET, HEAD, POST, PUT,"
                        + " PATCH, DELETE or OPTIONS; encoded or doubled slashes, ';' parameters…)");
    }

    /**
     * A method the path does not take: 405 with {@code Allow}, as Spring answers it, but without
     * the WARN line that Spring writes for each one; it is the client's mistake, not the server's.
     */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    /** A multipart body Spring could not parse (no boundary, cut off): the client's fault. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "the multipart/form-data body could not be read");
    }

    /**
     * A query or form parameter that Tomcat could not decode: a broken {@code %}-escape, bytes
     * that are not UTF-8, too many parameters. Tomcat's message quotes the parameter's value
     * (which may be a token, or a line break that would forge a log line): it is neither logged
     * nor repeated.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameter(InvalidParameterException e) {
        FileCountLimitExceededException tooManyParts = causeOf(e, FileCountLimitExceededException.class);
        if (tooManyParts != null) {
            return tooManyParts(tooManyParts);
        }
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                    "the request's form or multipart body is larger than this service takes");
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "a query or form parameter could not be read: each must be UTF-8 with well-formed %-escapes"
                        + " (%20, %C3%A9), and there may be at most a few hundred");
    }

    /**
     * A multipart body over Tomcat's limits: too large is a 413, as Spring answers; too many parts
     * is a malformed request (an upload here has one part), which Spring reports as too large too.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FileCountLimitExceededException tooManyParts = causeOf(ex, FileCountLimitExceededException.class);
        if (tooManyParts != null) {
            return handleExceptionInternal(ex, tooManyParts(tooManyParts), headers, HttpStatus.BAD_REQUEST, request);
        }
        return super.handleMaxUploadSizeExceededException(ex, headers, status, request);
    }

    private static ProblemDetail tooManyParts(FileCountLimitExceededException e) {
        return problem(HttpStatus.BAD_REQUEST, "too-many-parts", "Too many parts",
                "the multipart/form-data body has more than " + e.getLimit()
                        + " parts; an upload sends one, named 'image'");
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
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
            problem.setType(URI.create(typeOf(statusCode)));
        }
        return response;
    }

    /** The type of a problem that is its status and no more: {@code urn:eoc:problem:bad-request}. */
    static String typeOf(HttpStatusCode statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String name = status == null ? "http-" + statusCode.value()
                : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return PREFIX + name;
    }
}
