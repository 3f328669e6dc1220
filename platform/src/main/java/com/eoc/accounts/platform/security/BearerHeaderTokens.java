package com.eoc.accounts.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver}, with its common case first: a well-formed
 * {@code Authorization: Bearer <token>} header is read by a loop instead of its regular
 * expression, which otherwise runs over a JWT of some 800 characters at every request (the cost
 * is in docs/performance.md). Whatever that loop does not accept (another scheme, a malformed
 * token, a trailing line break) goes to Spring's resolver, which answers as it always did; a
 * token in a query or form parameter is refused there, as its defaults do.
 *
 * <p>A request with two {@code Authorization} headers is refused before either is read: Spring's
 * resolver reads the first and ignores the rest, while a proxy or a log may read another, so the
 * request would be authenticated as one caller and seen as another.
 */
final class BearerHeaderTokens implements BearerTokenResolver {

    private static final String BEARER = "Bearer ";

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        String header = headers != null && headers.hasMoreElements() ? headers.nextElement() : null;
        if (headers != null && headers.hasMoreElements()) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(
                    "The request has more than one Authorization header"));
        }
        String token = wellFormedToken(header);
        return token != null ? token : spring.resolve(request);
    }

    /**
     * The token of {@code Bearer <token>} (the scheme in any case), when the token is what RFC 6750
     * allows ({@code b64token}: letters, digits, {@code -._~+/}, then any {@code =}); otherwise null.
     */
    static String wellFormedToken(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        int i = BEARER.length();
        while (i < header.length() && isTokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == BEARER.length()) {
            return null;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length() ? header.substring(BEARER.length()) : null;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
