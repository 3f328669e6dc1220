package com.eoc.accounts.query.admin;

import static com.eoc.accounts.platform.web.ProblemDetailsSupport.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The processor has no dead-letter queue, so there is nothing it could retry. */
class NoDeadLetterQueueException extends ErrorResponseException {

    NoDeadLetterQueueException(String name) {
        super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "no-dead-letter-queue", "No dead-letter queue",
                "event processor '" + name + "' has no dead-letter queue"), null);
    }
}
