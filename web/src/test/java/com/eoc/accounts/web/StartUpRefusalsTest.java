package com.eoc.accounts.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Configurations that would sign people in at the wrong place do not start. */
class StartUpRefusalsTest {

    @Test
    void theLocalProfileRefusesToStartBesideAConfiguredProvider() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(WebApplication.class)
                .profiles("local")
                .properties("server.port=0",
                        "spring.security.oauth2.client.registration.corporate.client-id=account-settings",
                        "spring.security.oauth2.client.provider.corporate.issuer-uri=https://login.example.com");

        assertThatThrownBy(application::run).hasStackTraceContaining("is its own identity provider");
    }

    @Test
    void withoutTheLocalProfileAProviderMustBeConfigured() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(WebApplication.class)
                .properties("server.port=0");

        assertThatThrownBy(application::run).hasStackTraceContaining("No identity provider to sign in with");
    }
}
