package com.eoc.accounts.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the page's own calls ({@code /api/**}, {@code /session}) when the browser is
 * not signed in or its request is refused: RFC 9457 {@code application/problem+json} like every
 * error of the two sides, never a redirect to a sign-in page that a script's {@code fetch} would
 * silently follow.
 */
public final class Problems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String PREFIX = "urn:eoc:problem:";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "not signed in, or the sign-in has ended: sign in again");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "csrf", "Forbidden",
                    "send the value of the XSRF-TOKEN cookie in the X-XSRF-TOKEN header");
        } else {
            write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "this request is not allowed");
        }
    }

    /** Writes a problem; the body names no internals. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                      String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PREFIX + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
