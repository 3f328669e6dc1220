package com.eoc.accounts.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * The answer to a request that Tomcat refuses itself, before Spring sees it (a character that a
 * URL may not hold unencoded, a broken {@code %}-escape, a malformed or too large header, an HTTP
 * version it does not speak), or cannot hand to Spring (the connector paused while the
 * application shuts down): RFC 9457 {@code application/problem+json} like every other error of
 * this service, where Tomcat's own valve writes an HTML page. It never repeats the request,
 * which could not even be read.
 *
 * <p>Errors that reach the application are answered by Spring, which writes a body first; this
 * valve then leaves the response as it is. {@link TomcatProblems} installs it.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's: not for a success, not over what was written, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // what Spring Security adds to every other answer
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(ContainerProblems.json(ContainerProblems.of(HttpStatusCode.valueOf(status))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response takes no body: there is no one to tell
        }
    }
}
