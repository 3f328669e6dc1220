package com.eoc.accounts.platform.security;

/**
 * The roles of the contract: a JWT carries any of the first four in its {@code roles} claim; an
 * API token always authenticates with {@link #API_TOKEN}. Spring Security sees each as the
 * authority {@code ROLE_<name>}. The claim's name and the prefix are said once, in platform.yml
 * ({@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name} and
 * {@code authority-prefix}), for Spring Boot's JWT converter and the local token mint alike.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";
    public static final String VIEWER = "viewer";
    public static final String INTROSPECTOR = "introspector";
    public static final String API_TOKEN = "api-token";

    private Roles() {
    }
}
