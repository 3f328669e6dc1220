package com.eoc.accounts.web.session;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the page: the browser cannot read the tokens (they stay on the server), so
 * it asks here. Without a session the security configuration answers 401 before this runs.
 */
@RestController
class SessionController {

    /** The claim that lists a user's roles, as the two sides read it from the access token. */
    static final String ROLES_CLAIM = "roles";

    @GetMapping("/session")
    SignedInUser session(@AuthenticationPrincipal OAuth2User user) {
        String subject = user instanceof OidcUser oidc && oidc.getSubject() != null ? oidc.getSubject() : user.getName();
        return new SignedInUser(subject, displayName(user, subject), roles(user));
    }

    private static String displayName(OAuth2User user, String subject) {
        for (String claim : List.of(StandardClaimNames.NAME, StandardClaimNames.PREFERRED_USERNAME,
                StandardClaimNames.EMAIL)) {
            if (user.getAttribute(claim) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return subject;
    }

    private static List<String> roles(OAuth2User user) {
        if (user.getAttribute(ROLES_CLAIM) instanceof Collection<?> roles) {
            return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    /** The body of {@code GET /session}. */
    record SignedInUser(String subject, String name, List<String> roles) {
    }
}
