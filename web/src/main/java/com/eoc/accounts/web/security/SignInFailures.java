package com.eoc.accounts.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A sign-in that failed after the identity provider's answer (an ID token of another issuer, a
 * state that does not match, a refused code) goes to Spring's failure address as before, and is
 * logged, which Spring does only at debug level: it is how a misconfigured provider shows.
 */
final class SignInFailures extends SimpleUrlAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);

    SignInFailures() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof OAuth2AuthenticationException oauth2) {
            // the provider's error code and Spring's description of it; neither holds a token
            log.warn("A sign-in failed: {} ({})", oauth2.getError().getErrorCode(), oauth2.getError().getDescription());
        } else {
            log.warn("A sign-in failed: {}", exception.getClass().getSimpleName());
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
