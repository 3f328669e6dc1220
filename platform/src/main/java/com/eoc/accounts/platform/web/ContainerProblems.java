package com.eoc.accounts.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problems of errors that no controller answered: a request Tomcat refused before Spring saw
 * it ({@link ProblemErrorReportValve}), or a status set with {@code sendError} and sent to the
 * error page ({@link ProblemErrorController}). Named as the applications name theirs, and saying
 * whose fault it is, never what the request held.
 */
final class ContainerProblems {

    private ContainerProblems() {
    }

    static ProblemDetail of(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(ProblemDetailsSupport.typeOf(status)));
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        if (known == HttpStatus.BAD_REQUEST) {
            problem.setTitle("Bad request");
            problem.setDetail("the request could not be read: its request line or a header line is malformed (a"
                    + " character that a URL may not hold unencoded, a broken %-escape, an invalid header line) or"
                    + " too large");
        } else if (known == HttpStatus.INTERNAL_SERVER_ERROR) {
            problem.setType(URI.create(ProblemDetailsSupport.INTERNAL_ERROR));
            problem.setTitle("Internal error");
            problem.setDetail("the request could not be completed");
        } else if (known == HttpStatus.SERVICE_UNAVAILABLE) {
            problem.setDetail("the service is not taking requests now (it is stopping or starting): retry");
        } else if (status.is5xxServerError()) {
            problem.setDetail("the server does not answer this request");
        } else {
            problem.setDetail("the server does not take the request as it was sent");
        }
        return problem;
    }

    /**
     * The problem as JSON, without a JSON library (Tomcat's valve has none at hand): every part is
     * a constant of this class or of {@link HttpStatus}, none with a quote, a backslash or a
     * control character, so none needs escaping.
     */
    static String json(ProblemDetail problem) {
        return "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":"
                + problem.getStatus() + ",\"detail\":\"" + problem.getDetail() + "\"}";
    }
}
