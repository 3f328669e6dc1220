package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The {@code local} profile's identity provider takes the place of a real one: it must not start
 * where a real one is configured, or a deployment would quietly accept the JWTs that anyone who
 * can reach {@code POST /dev/tokens} mints.
 */
class LocalIdentityProviderTest {

    @TempDir
    Path folder;

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                // as in a Spring Boot application, where "1h" is a Duration
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(LocalIdentityProvider.class)
                .withPropertyValues(
                        "accounts.security.local.signing-key-file=" + folder.resolve("dev-signing-key.json"),
                        "accounts.security.local.token-lifetime=1h",
                        // as platform.yml says (JwtRolesTest)
                        "spring.security.oauth2.resourceserver.jwt.authorities-claim-name=roles");
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuer-uri", "jwk-set-uri"})
    void theLocalProfileRefusesToStartBesideAnIdentityProvider(String property) {
        String name = "spring.security.oauth2.resourceserver.jwt." + property;

        application()
                .withPropertyValues("spring.profiles.active=" + LocalIdentityProvider.PROFILE,
                        name + "=https://id.example.com/keys")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(name)
                        .hasMessageContaining("'" + LocalIdentityProvider.PROFILE + "' profile"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"issuer-uri", "jwk-set-uri"})
    void withoutTheLocalProfileTheIdentityProviderIsLeftAlone(String property) {
        application()
                .withPropertyValues("spring.security.oauth2.resourceserver.jwt." + property
                        + "=https://id.example.com/keys")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(LocalIdentityProvider.class)
                        .doesNotHaveBean(DevTokens.class));
    }

    /** An empty setting, as an empty environment variable gives, names no identity provider. */
    @Test
    void theLocalProfileAloneStartsWithItsOwnDecoderAndTokens() {
        application()
                .withPropertyValues("spring.profiles.active=" + LocalIdentityProvider.PROFILE,
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=")
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(JwtDecoder.class)
                        .hasSingleBean(DevTokens.class));
    }
}
