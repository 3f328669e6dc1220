package com.eoc.accounts.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A lost database met before any controller runs, in a filter: an API token is looked up in the
 * database while Spring Security authenticates the request. Without this the failure would leave
 * the filter chain, Tomcat would log it with its stack trace and the error page would answer 500;
 * here it goes to the applications' exception handlers instead, which answer it like the same
 * failure in a controller ({@link DatabaseUnavailable}). Any other failure passes on unchanged.
 * Ordered just before Spring Security's filter chain, so that it wraps all of it. Imported by
 * {@link ProblemDetailsSupport}.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter implements Ordered {

    private final HandlerExceptionResolver resolver;

    DatabaseUnavailableFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (response.isCommitted() || !DatabaseUnavailable.isCauseOf(e)
                    || resolver.resolveException(request, response, null, e) == null) {
                throw e;
            }
        }
    }

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
    }
}
