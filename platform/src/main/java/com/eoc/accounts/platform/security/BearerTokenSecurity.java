package com.eoc.accounts.platform.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * What both applications' security has in common: stateless bearer authentication (a JWT from
 * the identity provider or an API token), failures as problem+json, security headers on every
 * response, and the few public paths. Each application adds the rules of its endpoints.
 */
public class BearerTokenSecurity {

    private static final String NO_IDENTITY_PROVIDER = """
            No identity provider is configured: set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI \
            (or ..._JWK_SET_URI) to the identity provider's, or run with the 'local' profile for a local \
            signing key""";

    private final ObjectProvider<JwtDecoder> jwtDecoder;
    private final ApiTokenIndex apiTokens;
    private final ObjectProvider<Clock> clock;
    private final SecurityProblems problems;

    BearerTokenSecurity(ObjectProvider<JwtDecoder> jwtDecoder, ApiTokenIndex apiTokens, ObjectProvider<Clock> clock,
                        HandlerExceptionResolver handlerExceptionResolver) {
        this.jwtDecoder = jwtDecoder;
        this.apiTokens = apiTokens;
        this.clock = clock;
        this.problems = new SecurityProblems(handlerExceptionResolver);
    }

    /**
     * The filter chain: the public paths, then {@code rules}; any other request needs an
     * authenticated caller (and then usually finds nothing: 404).
     */
    public SecurityFilterChain build(HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable(() -> {
            throw new IllegalStateException(NO_IDENTITY_PROVIDER);
        });
        BearerAuthentication authentication = new BearerAuthentication(
                new ApiTokenAuthenticationManager(apiTokens, clock.getIfAvailable(Clock::systemUTC)), decoder);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(bearer -> bearer
                        .authenticationManagerResolver(request -> authentication)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(failures -> failures
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterAfter(new TokenExpirationHeader(), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                    "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    rules.customize(requests);
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }
}
