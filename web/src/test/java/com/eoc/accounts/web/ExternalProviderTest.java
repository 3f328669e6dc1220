package com.eoc.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.web.testing.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A deployment: the page signs in at a real identity provider, named by Spring Boot's standard
 * client properties, and this application is no identity provider itself. Nothing is fetched from
 * the provider here (its endpoints are named), so it need not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.corporate.client-id=account-settings",
        "spring.security.oauth2.client.registration.corporate.client-secret=not-a-real-secret",
        "spring.security.oauth2.client.registration.corporate.scope=openid,profile",
        "spring.security.oauth2.client.registration.corporate.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.corporate.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.corporate.authorization-uri=https://login.example.com/authorize",
        "spring.security.oauth2.client.provider.corporate.token-uri=https://login.example.com/token",
        "spring.security.oauth2.client.provider.corporate.jwk-set-uri=https://login.example.com/jwks",
        "spring.security.oauth2.client.provider.corporate.user-name-attribute=sub"})
class ExternalProviderTest {

    @LocalServerPort
    private int port;

    @Test
    void thePageSendsThePersonToTheProviderWithPkce() {
        Browser browser = new Browser(URI.create("http://localhost:" + port));

        HttpResponse<String> page = browser.get("/", "Accept", "text/html");
        HttpResponse<String> toProvider = browser.get(page.headers().firstValue("Location").orElseThrow());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/corporate"));
        assertThat(toProvider.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("https://login.example.com/authorize?")
                .contains("client_id=account-settings", "code_challenge=", "code_challenge_method=S256"));
    }

    @Test
    void thisApplicationIsNoIdentityProvider() {
        Browser browser = new Browser(URI.create("http://localhost:" + port));

        HttpResponse<String> keys = browser.get("/oauth2/jwks", "Accept", "application/json");
        HttpResponse<String> configuration = browser.get("/.well-known/openid-configuration", "Accept", "application/json");

        assertThat(keys.statusCode()).isNotEqualTo(200);
        assertThat(configuration.statusCode()).isNotEqualTo(200);
    }

    @Test
    void theApiWithoutASessionIs401() {
        HttpResponse<String> refused = new Browser(URI.create("http://localhost:" + port)).get("/api/me");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
