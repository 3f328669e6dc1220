package com.eoc.accounts.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Has Tomcat decode a request's query string (and a form body) before any handler runs, so that
 * a broken {@code %}-escape or bytes that are not UTF-8 are a 400 wherever they are, not only in
 * a parameter that the handler happens to read: Tomcat decodes parameters lazily, at the first
 * read. The refusal is answered by {@link ProblemDetailsSupport}, as any other. A multipart body
 * is left to the handler that takes it, which reads it within its own limits.
 *
 * <p>Runs after Spring Security's filters: a caller who may not send the request hears that first.
 */
final class ParametersDecodedFirst extends OncePerRequestFilter implements Ordered {

    private final HandlerExceptionResolver resolver;

    ParametersDecodedFirst(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10);
        if (request.getQueryString() != null && !multipart) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException undecodable) {
                resolver.resolveException(request, response, null, undecodable);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
