package com.eoc.accounts.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Where people sign in: a clear refusal to start without one, rather than a missing bean. */
final class IdentityProviders {

    private IdentityProviders() {
    }

    static ClientRegistrationRepository required(ObjectProvider<ClientRegistrationRepository> registrations) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null) {
            throw new IllegalStateException("No identity provider to sign in with: name one with Spring Boot's"
                    + " spring.security.oauth2.client.registration.<id>.* (and .provider.<id>.*) properties,"
                    + " or run with the 'local' profile, whose identity provider is this application");
        }
        return repository;
    }
}
