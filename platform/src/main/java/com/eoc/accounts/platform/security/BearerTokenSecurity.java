package com.eoc.accounts.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collections;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What both applications' security has in common: stateless bearer authentication (a JWT from
 * the identity provider or an API token), failures as problem+json, security headers on every
 * response, and the few public paths. Each application adds the rules of its endpoints.
 */
public class BearerTokenSecurity {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private static final BearerTokenResolver BEARER_TOKENS = new DefaultBearerTokenResolver();

    private static final String NO_IDENTITY_PROVIDER = """
            No identity provider is configured: set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI \
            (or ..._JWK_SET_URI) to the identity provider's, or run with the 'local' profile for a local \
            signing key""";

    private final ObjectProvider<JwtDecoder> jwtDecoder;
    private final JwtAuthenticationConverter jwtRoles;
    private final ApiTokenIndex apiTokens;
    private final ObjectProvider<Clock> clock;
    private final SecurityProblems problems;

    /** @param jwtRoles Spring Boot's, reading the roles as platform.yml says */
    BearerTokenSecurity(ObjectProvider<JwtDecoder> jwtDecoder, JwtAuthenticationConverter jwtRoles,
                        ApiTokenIndex apiTokens, ObjectProvider<Clock> clock, SecurityProblems problems) {
        this.jwtDecoder = jwtDecoder;
        this.jwtRoles = jwtRoles;
        this.apiTokens = apiTokens;
        this.clock = clock;
        this.problems = problems;
    }

    /**
     * The filter chain: the public paths, the admin's actuator, then {@code rules}; any other
     * request is refused (401 when anonymous, else 403).
     */
    public SecurityFilterChain build(HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable(() -> {
            throw new IllegalStateException(NO_IDENTITY_PROVIDER);
        });
        BearerAuthentication authentication = new BearerAuthentication(
                new ApiTokenAuthenticationManager(apiTokens, clock.getIfAvailable(Clock::systemUTC)),
                new VerifiedJwts(decoder), jwtRoles);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // nothing here asks the servlet API who the caller is (getUserPrincipal, isUserInRole):
                // the controllers read Spring Security's context, so no request wrapper for it
                .servletApi(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(bearer -> bearer
                        .bearerTokenResolver(BearerTokenSecurity::bearerToken)
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
                            .requestMatchers(reads("/actuator/health", "/actuator/health/**")).permitAll()
                            .requestMatchers(reads("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                    "/swagger-ui.html", "/swagger-ui/**")).permitAll()
                            .requestMatchers("/actuator/**").hasRole(Roles.ADMIN);
                    rules.customize(requests);
                    // fail closed: what no rule names is refused, whatever its method or path
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * The token of the request's one {@code Authorization: Bearer} header, as Spring's resolver
     * reads it (a token in a query or form parameter is not read). A request with two
     * {@code Authorization} headers is refused: Spring's resolver reads the first and ignores the
     * rest, while a proxy or a log may read another, so the request would be authenticated as one
     * caller and seen as another.
     */
    static String bearerToken(HttpServletRequest request) {
        if (Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size() > 1) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(
                    "The request has more than one Authorization header"));
        }
        return BEARER_TOKENS.resolve(request);
    }

    /**
     * GET and HEAD of the paths: Spring MVC answers a HEAD with the GET handler, so a rule for
     * reading must cover both, or HEAD would show headers (ETag, length) that GET refuses.
     */
    public static RequestMatcher reads(String... patterns) {
        return new OrRequestMatcher(Stream.of(HttpMethod.GET, HttpMethod.HEAD)
                .flatMap(method -> Stream.of(patterns).map(pattern -> (RequestMatcher) PATHS.matcher(method, pattern)))
                .toList());
    }
}
