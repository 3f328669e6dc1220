package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** How a request's bearer token is read ({@link BearerTokenSecurity#bearerToken}): RFC 6750's header only, once. */
class BearerTokenReadingTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl-_~+/";

    @Test
    void readsTheTokenOfABearerHeader() {
        assertThat(outcome(get("Bearer " + JWT))).isEqualTo("token " + JWT);
    }

    @Test
    void theSchemeIsReadInAnyCase() {
        assertThat(outcome(get("bearer " + JWT))).isEqualTo("token " + JWT);
        assertThat(outcome(get("bEaReR abc"))).isEqualTo("token abc");
    }

    @Test
    void aTokenMayEndInPadding() {
        assertThat(outcome(get("Bearer abc=="))).isEqualTo("token abc==");
    }

    @Test
    void aMalformedTokenIsRefusedAsAnInvalidToken() {
        for (String header : new String[] {"Bearer not a token!", "Bearer a=b", "Bearer =abc", "Bearer  abc",
                "Bearer é", "Bearer ", "Bearer abc\n", "Bearerabc"}) {
            assertThat(outcome(get(header))).as("Authorization: [" + header + "]")
                    .startsWith("refused invalid_token");
        }
    }

    @Test
    void anotherSchemeOrNoHeaderIsNoBearerToken() {
        assertThat(outcome(get("Basic YWRtaW46YWRtaW4="))).isEqualTo("token null");
        assertThat(outcome(get(null))).isEqualTo("token null");
    }

    @Test
    void aTokenInTheQueryOrAFormIsNotRead() {
        MockHttpServletRequest query = get(null);
        query.setQueryString("access_token=" + JWT);
        query.setParameter("access_token", JWT);
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/api/me");
        form.setContentType("application/x-www-form-urlencoded");
        form.setParameter("access_token", JWT);
        MockHttpServletRequest besideTheHeader = get("Bearer " + JWT);
        besideTheHeader.setQueryString("access_token=other");
        besideTheHeader.setParameter("access_token", "other");

        assertThat(outcome(query)).isEqualTo("token null");
        assertThat(outcome(form)).isEqualTo("token null");
        assertThat(outcome(besideTheHeader)).isEqualTo("token " + JWT);
    }

    @Test
    void twoAuthorizationHeadersAreRefusedWhateverTheyHold() {
        MockHttpServletRequest request = get("Bearer " + JWT);
        request.addHeader("Authorization", "Bearer other");
        MockHttpServletRequest withAnotherScheme = get("Basic YWRtaW46YWRtaW4=");
        withAnotherScheme.addHeader("Authorization", "Bearer " + JWT);

        assertThat(outcome(request))
                .isEqualTo("refused invalid_request: The request has more than one Authorization header");
        assertThat(outcome(withAnotherScheme)).startsWith("refused invalid_request");
    }

    private static MockHttpServletRequest get(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    /** The token, or the refusal's error, as text. */
    private static String outcome(MockHttpServletRequest request) {
        try {
            return "token " + BearerTokenSecurity.bearerToken(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
