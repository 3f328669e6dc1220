package com.eoc.accounts.web.localidp;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person the local identity provider knows. The user name Spring Security sees is the subject
 * (the {@code sub} of the tokens), not what was typed in the form (an email address, or
 * {@code admin}).
 */
final class LocalUser extends User {

    private final String displayName;
    private final String email;
    private final List<String> roles;

    LocalUser(String subject, String passwordHash, String displayName, String email, List<String> roles) {
        super(subject, passwordHash, roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.displayName = displayName;
        this.email = email;
        this.roles = List.copyOf(roles);
    }

    String displayName() {
        return displayName;
    }

    /** Null for the administrator, who has no account. */
    String email() {
        return email;
    }

    List<String> roles() {
        return roles;
    }
}
