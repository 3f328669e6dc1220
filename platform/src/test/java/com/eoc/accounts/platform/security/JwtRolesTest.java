package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * A JWT's {@code roles} claim is what {@code hasRole} asks for, whether the identity provider or
 * the local profile signed it: platform.yml says so once, to Spring Boot's JWT converter, and the
 * local token mint writes the claim that the converter reads.
 */
class JwtRolesTest {

    private static final AuthenticationManager NO_API_TOKENS = token -> {
        throw new AssertionError("a JWT is no API token");
    };

    @TempDir
    Path folder;

    /** As one of the applications: platform.yml, Spring Boot's resource server, the local profile. */
    private WebApplicationContextRunner application() {
        return new WebApplicationContextRunner()
                .withInitializer(context -> {
                    context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
                    try {
                        new YamlPropertySourceLoader().load("platform.yml", new ClassPathResource("platform.yml"))
                                .forEach(context.getEnvironment().getPropertySources()::addLast);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
                .withUserConfiguration(LocalIdentityProvider.class)
                // the application's own filter chain, in whose place Spring Boot would make one
                .withBean(SecurityFilterChain.class, () -> new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE))
                .withPropertyValues("spring.profiles.active=" + LocalIdentityProvider.PROFILE,
                        "accounts.security.local.signing-key-file=" + folder.resolve("dev-signing-key.json"),
                        "accounts.security.local.token-lifetime=1h");
    }

    @Test
    void theRolesOfALocalJwtAreTheCallersRoles() {
        application().run(context -> {
            String jwt = context.getBean(DevTokens.class).mint("ops-admin", List.of(Roles.ADMIN, Roles.AUDITOR));
            BearerAuthentication authentication = new BearerAuthentication(NO_API_TOKENS,
                    context.getBean(JwtDecoder.class), context.getBean(JwtAuthenticationConverter.class));

            Authentication caller = authentication.authenticate(new BearerTokenAuthenticationToken(jwt));

            assertThat(caller.getName()).isEqualTo("ops-admin");
            assertThat(roles(caller)).containsExactlyInAnyOrder("ROLE_admin", "ROLE_auditor");
        });
    }

    @Test
    void theRolesOfAnIdentityProvidersJwtAreReadFromTheRolesClaimOnly() {
        application().run(context -> {
            JwtAuthenticationConverter roles = context.getBean(JwtAuthenticationConverter.class);
            Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("billing")
                    .claim("roles", List.of(Roles.INTROSPECTOR))
                    .claim("scope", "admin")
                    .build();

            Authentication caller = roles.convert(jwt);

            assertThat(roles(caller)).containsExactly("ROLE_introspector");
            assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                    .noneMatch(authority -> authority.startsWith("SCOPE_"));
        });
    }

    @Test
    void aJwtWithoutRolesHasNone() {
        application().run(context -> {
            Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("ada").build();

            assertThat(roles(context.getBean(JwtAuthenticationConverter.class).convert(jwt))).isEmpty();
        });
    }

    /** The caller's roles as Spring Security holds them (beside them, Spring adds the factor it authenticated with). */
    private static List<String> roles(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).toList();
    }
}
