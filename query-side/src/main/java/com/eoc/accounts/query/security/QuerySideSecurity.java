package com.eoc.accounts.query.security;

import static com.eoc.accounts.platform.security.AccountAccess.ownerOrOwnTokenOr;
import static com.eoc.accounts.platform.security.BearerTokenSecurity.reads;

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
 * ({@code viewer}) read everything but history; auditors read accounts and their history.
 */
@Configuration(proxyBeanMethods = false)
@Import(PlatformSecurity.class)
class QuerySideSecurity {

    @Bean
    SecurityFilterChain querySideFilterChain(HttpSecurity http, BearerTokenSecurity bearer) throws Exception {
        return bearer.build(http, requests -> requests
                .requestMatchers(reads("/api/accounts/{accountId}/history")).hasAnyRole(Roles.AUDITOR, Roles.ADMIN)
                .requestMatchers(reads("/api/accounts/{accountId}", "/api/accounts/{accountId}/avatar"))
                        .access(ownerOrOwnTokenOr(Roles.ADMIN, Roles.AUDITOR, Roles.VIEWER))
                .requestMatchers(reads("/api/accounts", "/api/stats", "/api/token-expiry-warnings"))
                        .hasAnyRole(Roles.VIEWER, Roles.ADMIN)
                .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN));
    }
}
