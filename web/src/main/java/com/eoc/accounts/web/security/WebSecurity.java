package com.eoc.accounts.web.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser's side of the backend-for-frontend. The browser signs in with OpenID Connect
 * (authorization code with PKCE, Spring Security's OAuth2 login) and then holds only the session
 * cookie (HttpOnly, SameSite=Lax); the tokens stay in the session, on the server. Changes need the
 * CSRF token: the page reads the {@code XSRF-TOKEN} cookie and sends it back in the
 * {@code X-XSRF-TOKEN} header.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    /** The page's own calls: refused with problem+json, never redirected to a sign-in page. */
    private static final RequestMatcher PAGE_CALLS =
            new OrRequestMatcher(pathPattern("/api/**"), pathPattern("/session"));

    @Bean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }

    /** Last: the local identity provider's chains (local profile) claim their paths first. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain pageSecurity(HttpSecurity http, Problems problems,
                                     ObjectProvider<ClientRegistrationRepository> identityProviders,
                                     @Value("${server.servlet.session.cookie.name}") String sessionCookie) {
        IdentityProviders.required(identityProviders);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.failureHandler(new SignInFailures()))
                .requestCache(cache -> cache.requestCache(pagesBeforeSignIn()))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(problems, PAGE_CALLS)
                        .defaultAccessDeniedHandlerFor(problems, PAGE_CALLS))
                .csrf(csrf -> csrf.spa().csrfTokenRepository(BrowserProtections.csrfTokenRepository()))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .deleteCookies(sessionCookie)
                        // the page's script signs out with fetch: a status, not a page to follow
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives(BrowserProtections.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * Where a person was going when sent to sign in, to take them there after: a page they opened,
     * never one of the page's own calls, scripts or icons (which a browser asks for with other
     * Accept headers). Without the {@code ?continue} marker Spring adds by default, so the address
     * bar shows the page's own address.
     */
    private static RequestCache pagesBeforeSignIn() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(pathPattern(HttpMethod.GET, "/**"), html,
                new NegatedRequestMatcher(PAGE_CALLS)));
        cache.setMatchingRequestParameterName(null);
        return cache;
    }
}
