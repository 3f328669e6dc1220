package com.eoc.accounts.web.gateway;

import com.eoc.accounts.web.security.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;

/** What the page gets when a call cannot be relayed: problem+json, as from the sides themselves. */
@ControllerAdvice
class RelayProblems {

    private static final Logger log = LoggerFactory.getLogger(RelayProblems.class);

    private final Problems problems;

    RelayProblems(Problems problems) {
        this.problems = problems;
    }

    /**
     * The access token expired and could not be renewed (the refresh token expired or was
     * revoked): the session is of no more use, so it ends, and the page's next load signs in again.
     */
    @ExceptionHandler(OAuth2AuthorizationException.class)
    void signInEnded(OAuth2AuthorizationException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // the error code only: the description may quote the provider's answer
        log.info("The access token of a session could not be renewed ({}); the session ends",
                e.getError().getErrorCode());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "the sign-in has ended: sign in again");
    }

    /** A side is down or does not answer in time. */
    @ExceptionHandler(ResourceAccessException.class)
    void sideUnreachable(ResourceAccessException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // the path only: the query string may hold what a person searched for
        log.warn("{} {} could not be relayed: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().getClass().getSimpleName());
        response.setHeader("Retry-After", "5");
        problems.write(request, response, HttpStatus.BAD_GATEWAY, "side-unreachable", "Bad Gateway",
                "the service behind this page did not answer; try again in a moment");
    }
}
