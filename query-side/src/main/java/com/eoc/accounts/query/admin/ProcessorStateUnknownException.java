package com.eoc.accounts.query.admin;

import static com.eoc.accounts.platform.web.ProblemDetailsSupport.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The database does not answer, so the processors' positions, claims and the event store's head
 * are unknown. Their threads' own flags would still read "caught up, not failing" (they are
 * waiting for events, not failing), so the page says it does not know rather than echo them.
 */
class ProcessorStateUnknownException extends ErrorResponseException {

    static final String RETRY_AFTER_SECONDS = "5";

    ProcessorStateUnknownException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(HttpStatus.SERVICE_UNAVAILABLE, "processor-state-unknown",
                "Processor state unknown",
                "the database does not answer, so the event processors' positions and claims are unknown;"
                        + " ask again later"), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
