package com.eoc.accounts.query.web;

import com.eoc.accounts.platform.web.ProblemDetailsSupport;
import com.eoc.accounts.query.account.AccountNotFoundException;
import com.eoc.accounts.query.account.NoAccountException;
import com.eoc.accounts.query.account.NoAvatarException;
import com.eoc.accounts.query.account.ViewBehindException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The query side's errors as RFC 9457 {@code application/problem+json}; Spring's own web errors
 * and the conventions come from {@link ProblemDetailsSupport}.
 */
@RestControllerAdvice
class QuerySideProblems extends ProblemDetailsSupport {

    @ExceptionHandler(AccountNotFoundException.class)
    ProblemDetail noSuchAccount(AccountNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "account-not-found", "No such account", e.getMessage());
    }

    @ExceptionHandler(NoAccountException.class)
    ProblemDetail noAccount(NoAccountException e) {
        return problem(HttpStatus.NOT_FOUND, "no-account", "No account", e.getMessage());
    }

    /** Read-your-writes gave up waiting: the client asks again, as Retry-After says. */
    @ExceptionHandler(ViewBehindException.class)
    ResponseEntity<ProblemDetail> viewBehind(ViewBehindException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "view-behind", "The view is behind", e.getMessage()));
    }

    @ExceptionHandler(NoAvatarException.class)
    ProblemDetail noAvatar(NoAvatarException e) {
        return problem(HttpStatus.NOT_FOUND, "no-avatar", "No avatar", e.getMessage());
    }

    /**
     * A query parameter out of its range ({@code @Min}, {@code @Max}…): which one and what it
     * should be, as {@code errors: [{field, message}]}, instead of Spring's bare "Validation failure".
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", nameOf(result.getMethodParameter()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        String detail = errors.stream().map(error -> "'" + error.get("field") + "' " + error.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The name the client used: the request parameter's, when it differs from the Java one. */
    private static String nameOf(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        return String.valueOf(parameter.getParameterName());
    }
}
