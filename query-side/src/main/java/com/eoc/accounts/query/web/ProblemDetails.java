package com.eoc.accounts.query.web;

import com.eoc.accounts.platform.web.ProblemDetailsSupport;
import com.eoc.accounts.query.account.AccountNotFoundException;
import com.eoc.accounts.query.account.NoAvatarException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The query side's errors as RFC 9457 {@code application/problem+json}; Spring's own web errors
 * and the conventions come from {@link ProblemDetailsSupport}.
 */
@RestControllerAdvice
class ProblemDetails extends ProblemDetailsSupport {

    @ExceptionHandler(AccountNotFoundException.class)
    ProblemDetail noSuchAccount(AccountNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "account-not-found", "No such account", e.getMessage());
    }

    @ExceptionHandler(NoAvatarException.class)
    ProblemDetail noAvatar(NoAvatarException e) {
        return problem(HttpStatus.NOT_FOUND, "no-avatar", "No avatar", e.getMessage());
    }
}
