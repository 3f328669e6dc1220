package com.eoc.accounts.query.admin;

import static com.eoc.accounts.platform.web.ProblemDetailsSupport.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No event processor of that name runs in this application. */
class UnknownProcessorException extends ErrorResponseException {

    UnknownProcessorException(String name) {
        super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "processor-not-found", "No such event processor",
                "there is no event processor named '" + name + "'; GET /api/admin/processors lists them"), null);
    }
}
