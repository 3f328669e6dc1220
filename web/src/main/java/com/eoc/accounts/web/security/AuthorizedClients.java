package com.eoc.accounts.web.security;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Where the signed-in user's tokens live, and how an expired access token is renewed. The gateway's
 * token relay asks the {@link OAuth2AuthorizedClientManager} for the access token of every call.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizedClients {

    /**
     * Renewed this long before it expires, so that a token relayed to a side is still valid when
     * the side checks it.
     */
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

    /**
     * The tokens in the user's HTTP session: they end with it (sign-out, timeout), and two sessions
     * of one user hold their own. (Spring's default keeps them in a map by user name, which outlives
     * sessions.)
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ObjectProvider<ClientRegistrationRepository> registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(EARLY_REFRESH))
                .build();
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(IdentityProviders.required(registrations), authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }
}
