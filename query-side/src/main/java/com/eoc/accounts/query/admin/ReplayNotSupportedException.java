package com.eoc.accounts.query.admin;

import static com.eoc.accounts.platform.web.ProblemDetailsSupport.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The processor cannot start again from the first event: it does not keep a position, or a handler forbids it. */
class ReplayNotSupportedException extends ErrorResponseException {

    ReplayNotSupportedException(String name, String reason) {
        super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "replay-not-supported", "Replay not supported",
                "event processor '" + name + "' cannot be replayed: " + reason), null);
    }
}
