package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerHeaderTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl-_~+/";

    private final BearerHeaderTokens tokens = new BearerHeaderTokens();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void readsAWellFormedBearerToken() {
        assertThat(tokens.resolve(request("Bearer " + JWT))).isEqualTo(JWT);
        assertThat(tokens.resolve(request("bEaReR abc=="))).isEqualTo("abc==");
        assertThat(BearerHeaderTokens.wellFormedToken("Bearer " + JWT)).isEqualTo(JWT);
    }

    @Test
    void leavesEverythingElseToSpringsResolver() {
        assertThat(BearerHeaderTokens.wellFormedToken("Bearer abc\n")).isNull();
        assertThat(BearerHeaderTokens.wellFormedToken("Bearer a=b")).isNull();
        assertThat(BearerHeaderTokens.wellFormedToken("Bearer ")).isNull();
        assertThat(BearerHeaderTokens.wellFormedToken("Bearer  abc")).isNull();
        assertThat(BearerHeaderTokens.wellFormedToken("Basic abc")).isNull();
        assertThat(BearerHeaderTokens.wellFormedToken(null)).isNull();
    }

    @Test
    void answersAsSpringsResolverDoes() {
        List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER abc", "Bearer abc=",
                "Bearer =abc", "Bearer a=b", "Bearer abc\n", "Bearer abc\r\n", "Bearer abc ", "Bearer  abc", "Bearer",
                "Bearer ", "Bearerabc", "Basic YWRtaW4=", "bearer\tabc", "Bearer ab c", "Bearer é", "Bearer \u0130",
                "B\u0130arer abc", "Bearer abc==\n", ""));
        Random random = new Random(5);
        String alphabet = "Bbearer =aZ9-._~+/\n\t,é\u0130\u017f";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
            for (int length = random.nextInt(12); length > 0; length--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        headers.add(null);
        for (String header : headers) {
            assertThat(outcome(tokens, header)).as("Authorization: [" + header + "]").isEqualTo(outcome(spring, header));
        }
    }

    @Test
    void refusesATokenInAQueryParameterBesideTheHeaderAsSpringDoes() {
        MockHttpServletRequest request = request("Bearer " + JWT);
        request.setParameter("access_token", "other");

        assertThat(outcome(tokens, request)).isEqualTo(outcome(spring, request));
    }

    @Test
    void refusesTwoAuthorizationHeadersWhateverTheyHold() {
        MockHttpServletRequest request = request("Bearer " + JWT);
        request.addHeader("Authorization", "Bearer other");

        assertThat(outcome(tokens, request))
                .isEqualTo("refused invalid_request: The request has more than one Authorization header");
        assertThat(outcome(spring, request)).as("Spring's resolver alone reads the first").isEqualTo("token " + JWT);
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/accounts/1/name");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        return outcome(resolver, request(header));
    }

    /** The token, or the refusal's error, as text. */
    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
