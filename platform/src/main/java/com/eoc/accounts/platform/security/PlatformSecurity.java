package com.eoc.accounts.platform.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authentication for an application of this service; its security configuration imports this
 * and builds its filter chain with {@link BearerTokenSecurity}. JWTs are checked against the
 * identity provider that Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
 * properties name, or, in the {@code local} profile only, against {@link LocalIdentityProvider}'s key.
 */
@Configuration(proxyBeanMethods = false)
@Import(LocalIdentityProvider.class)
public class PlatformSecurity {

    /** Added by Spring Boot to the checks of the identity provider's JWTs (and used by the local decoder). */
    @Bean
    OAuth2TokenValidator<Jwt> requiredClaims() {
        return RequiredClaims.validator();
    }

    @Bean
    ApiTokenIndex apiTokenIndex(JdbcClient jdbc) {
        return new ApiTokenIndex(jdbc);
    }

    @Bean
    SecurityProblems securityProblems(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlerExceptionResolver) {
        return new SecurityProblems(handlerExceptionResolver);
    }

    @Bean
    BearerTokenSecurity bearerTokenSecurity(ObjectProvider<JwtDecoder> jwtDecoder, ApiTokenIndex apiTokens,
                                            ObjectProvider<Clock> clock, SecurityProblems problems) {
        return new BearerTokenSecurity(jwtDecoder, apiTokens, clock, problems);
    }
}
