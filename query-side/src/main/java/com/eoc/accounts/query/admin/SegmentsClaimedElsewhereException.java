package com.eoc.accounts.query.admin;

import static com.eoc.accounts.platform.web.ProblemDetailsSupport.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A reset needs every segment of the processor, and another query-side node is working on some:
 * its views would go on being written while this node clears them.
 */
class SegmentsClaimedElsewhereException extends ErrorResponseException {

    SegmentsClaimedElsewhereException(String name, Throwable cause) {
        super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "segments-claimed-elsewhere",
                "Processor busy on another node",
                "another query-side node is processing segments of '" + name
                        + "'; stop that processor on the other nodes, then ask again"), cause);
    }
}
