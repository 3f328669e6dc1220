package com.eoc.accounts.web.security;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/** What every filter chain of this application gives the browser: the same CSP and the same CSRF cookie. */
public final class BrowserProtections {

    /** Scripts, styles, images and data from this origin only: no inline script or style, no CDN. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'";

    private BrowserProtections() {
    }

    /**
     * The CSRF token as a cookie the page's script can read (that is the point of the double-submit
     * cookie), sent only with same-site requests like the session cookie. One repository for every
     * chain, so that the sign-in form and the page share one token.
     */
    public static CsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return repository;
    }
}
