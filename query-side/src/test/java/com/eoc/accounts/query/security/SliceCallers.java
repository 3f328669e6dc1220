package com.eoc.accounts.query.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Callers of a web slice, authenticated as the identity provider's JWTs would authenticate them
 * (subject and {@code ROLE_<role>} authorities) without signing anything.
 */
public final class SliceCallers {

    private SliceCallers() {
    }

    /** Someone with the given role of {@code com.eoc.accounts.platform.security.Roles}. */
    public static JwtRequestPostProcessor withRole(String role) {
        return jwt().jwt(token -> token.subject("someone-with-role-" + role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** The owner of the account: a JWT whose subject is its id, without any role. */
    public static JwtRequestPostProcessor ownerOf(UUID accountId) {
        return jwt().jwt(token -> token.subject(accountId.toString())).authorities();
    }
}
