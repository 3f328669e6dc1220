package com.eoc.accounts.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.platform.security.ApiTokenFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which correlation id a request gets, and that its handling logs with it and nothing after. */
class CorrelationIdsTest {

    @Test
    void aWellFormedIdOfTheCallersIsKeptAnsweredAndInTheLoggingContextWhileHandled() throws Exception {
        AtomicReference<String> duringTheRequest = new AtomicReference<>();

        MockHttpServletResponse response = filter("support-case:42.a_b", duringTheRequest);

        assertThat(response.getHeader(CorrelationIds.HEADER)).isEqualTo("support-case:42.a_b");
        assertThat(duringTheRequest).hasValue("support-case:42.a_b");
        assertThat(CorrelationIds.current()).isNull();
    }

    @Test
    void anIdThatIsMissingMalformedOrLikeAnApiTokenIsReplacedByANewOne() throws Exception {
        for (String given : new String[] {null, "", "with space", "x".repeat(65), ApiTokenFormat.generate()}) {
            AtomicReference<String> duringTheRequest = new AtomicReference<>();

            String answered = filter(given, duringTheRequest).getHeader(CorrelationIds.HEADER);

            assertThat(UUID.fromString(answered)).as(given).isNotNull();
            assertThat(duringTheRequest).hasValue(answered);
        }
    }

    private static MockHttpServletResponse filter(String given, AtomicReference<String> seen) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/token-policy");
        if (given != null) {
            request.addHeader(CorrelationIds.HEADER, given);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new CorrelationIds().doFilter(request, response, (req, res) -> seen.set(CorrelationIds.current()));
        return response;
    }
}
