package com.eoc.accounts.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the caller of every request made with an API token when that token expires, in
 * {@value #NAME} (as GitHub does), whatever the answer: a client learns in time that it must
 * ask its user for a new token.
 */
public final class TokenExpirationHeader extends OncePerRequestFilter {

    public static final String NAME = "EOC-Token-Expiration";

    TokenExpirationHeader() {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token) {
            response.setHeader(NAME, token.expiresAt().toString());
        }
        chain.doFilter(request, response);
    }
}
