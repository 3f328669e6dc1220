package com.eoc.accounts.command.security;

import com.eoc.accounts.platform.security.AccountAccess;
import com.eoc.accounts.platform.security.BearerTokenSecurity;
import com.eoc.accounts.platform.security.PlatformSecurity;
import com.eoc.accounts.platform.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may send which command: the rows of the contract's role table that concern the command
 * side. An API token may do nothing here, not even on its own account. A new API token stands in
 * for its owner, so only the owner generates one; an administrator may revoke it.
 */
@Configuration(proxyBeanMethods = false)
@Import(PlatformSecurity.class)
class CommandSideSecurity {

    @Bean
    SecurityFilterChain commandSideFilterChain(HttpSecurity http, BearerTokenSecurity bearer, AccountAccess accounts)
            throws Exception {
        return bearer.build(http, requests -> requests
                // only in the local profile does anything answer here (see DevTokenController)
                .requestMatchers(HttpMethod.POST, "/dev/tokens").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/accounts").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/accounts/{accountId}/api-token").access(accounts.owner())
                .requestMatchers(HttpMethod.POST, "/api/accounts/{accountId}/close", "/api/accounts/{accountId}/reopen",
                        "/api/accounts/{accountId}/erase")
                        .hasRole(Roles.ADMIN)
                .requestMatchers("/api/accounts/{accountId}/**").access(accounts.ownerOr(Roles.ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/tokens/introspect").hasAnyRole(Roles.INTROSPECTOR, Roles.ADMIN)
                // a public key is public: auditors fetch it once and keep it apart from the service
                .requestMatchers(HttpMethod.GET, "/api/audit/public-key").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/audit/checkpoints").hasRole(Roles.ADMIN));
    }
}
