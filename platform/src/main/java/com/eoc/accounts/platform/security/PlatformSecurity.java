package com.eoc.accounts.platform.security;

import java.time.Clock;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authentication for an application of this service; its security configuration imports this
 * and builds its filter chain with {@link BearerTokenSecurity}. JWTs are checked against the
 * identity provider that Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
 * properties name, or, in the {@code local} profile only, against {@link LocalIdentityProvider}'s key;
 * either way their roles are read by Spring Boot's converter, as platform.yml configures it.
 */
@Configuration(proxyBeanMethods = false)
@Import(LocalIdentityProvider.class)
public class PlatformSecurity {

    /** Added by Spring Boot to the checks of the identity provider's JWTs (and used by the local decoder). */
    @Bean
    OAuth2TokenValidator<Jwt> requiredClaims() {
        return RequiredClaims.validator();
    }

    /**
     * No observation around each of Spring Security's filters, its authentication and its
     * authorization: every request would otherwise start a dozen timers and spans of the security
     * chain's inner steps; what they cost is in docs/performance.md. Requests are still measured
     * and traced as a whole ({@code http.server.requests}), and Axon's spans show the command.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Tomcat refuses an encoded slash ({@code %2F}) in a path itself, with an HTML page; passed
     * through, it reaches Spring Security's firewall, which refuses it as problem+json like any
     * other URL it does not allow.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesGoToTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    @Bean
    ApiTokenIndex apiTokenIndex(JdbcClient jdbc) {
        return new ApiTokenIndex(jdbc);
    }

    @Bean
    AccountLogins accountLogins(JdbcClient jdbc) {
        return new AccountLogins(jdbc);
    }

    @Bean
    AccountAccess accountAccess(AccountLogins logins) {
        return new AccountAccess(logins);
    }

    @Bean
    SecurityProblems securityProblems(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver) {
        return new SecurityProblems(handlerExceptionResolver);
    }

    @Bean
    BearerTokenSecurity bearerTokenSecurity(ObjectProvider<JwtDecoder> jwtDecoder, JwtAuthenticationConverter jwtRoles,
                                            ApiTokenIndex apiTokens, ObjectProvider<Clock> clock,
                                            SecurityProblems problems) {
        return new BearerTokenSecurity(jwtDecoder, jwtRoles, apiTokens, clock, problems);
    }
}
