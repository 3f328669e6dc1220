package com.eoc.accounts.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page, where the servlet container sends a status that was set without an answer
 * ({@code sendError}: the servlet API's 405 for {@code TRACE}, say), as problem+json; Spring
 * Boot's own error controller, which it replaces, answers plain JSON with a time stamp. Errors
 * that a controller raises never come here: {@link ProblemDetailsSupport} answers them.
 * Imported by {@link ProblemDetailsSupport}, beside {@link TomcatProblems}. Hidden from the OpenAPI
 * descriptions: it is where the container's errors are answered, not an operation a client calls.
 */
@Hidden
@RestController
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        // called for itself rather than for an error: there is nothing here
        HttpStatusCode status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && code >= 400 ? HttpStatusCode.valueOf(code) : HttpStatus.NOT_FOUND;
        ProblemDetail problem = ContainerProblems.of(status);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(instance(path));
        }
        // Spring Security writes no headers on an error dispatch, and Tomcat may send one before
        // the filters run (TRACE): the ones that matter for a JSON answer, as on every other
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff").body(problem);
    }

    /**
     * The path the request named, or none if it is not a URI: Tomcat refuses such paths before
     * they get here, but a failure here would turn the client's 4xx into a 500.
     */
    private static URI instance(String path) {
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
