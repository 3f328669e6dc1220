package com.eoc.accounts.query.security;

import static com.eoc.accounts.platform.security.BearerTokenSecurity.reads;

import com.eoc.accounts.platform.security.AccountAccess;
import com.eoc.accounts.platform.security.BearerTokenSecurity;
import com.eoc.accounts.platform.security.PlatformSecurity;
import com.eoc.accounts.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read what: the rows of the contract's role table that concern the query side. An
 * account's owner and its API token read that account's view and avatar; dashboards
 * ({@code viewer}) read everything but history; auditors read accounts, their history and each
 * actor's. Anyone authenticated reads their own account ({@code /api/me}) and the token policy.
 */
@Configuration(proxyBeanMethods = false)
@Import(PlatformSecurity.class)
class QuerySideSecurity {

    @Bean
    SecurityFilterChain querySideFilterChain(HttpSecurity http, BearerTokenSecurity bearer, AccountAccess accounts)
            throws Exception {
        return bearer.build(http, requests -> requests
                .requestMatchers(reads("/api/accounts/{accountId}/history", "/api/accounts/{accountId}/history/export",
                        "/api/history"))
                        .hasAnyRole(Roles.AUDITOR, Roles.ADMIN)
                .requestMatchers(reads("/api/accounts/{accountId}", "/api/accounts/{accountId}/avatar"))
                        .access(accounts.ownerOrOwnTokenOr(Roles.ADMIN, Roles.AUDITOR, Roles.VIEWER))
                // the caller's own account, and what the settings screen offers: anyone signed in
                .requestMatchers(reads("/api/me", "/api/token-policy")).authenticated()
                .requestMatchers(reads("/api/accounts", "/api/stats", "/api/token-expiry-warnings"))
                        .hasAnyRole(Roles.VIEWER, Roles.ADMIN)
                .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN));
    }
}
