package com.eoc.accounts.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

class ContainerProblemsTest {

    @Test
    void aRequestTomcatCannotReadIsABadRequestProblem() {
        assertThat(json(HttpStatus.BAD_REQUEST)).isEqualTo("{"
                + "\"type\":\"urn:eoc:problem:bad-request\",\"title\":\"Bad request\",\"status\":400,"
                + "\"detail\":\"the request could not be read: its request line or a header line is malformed (a"
                + " character that a URL may not hold unencoded, a broken %-escape, an invalid header line) or too"
                + " large\"}");
    }

    @Test
    void aFailureIsTheApplicationsInternalError() {
        assertThat(json(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo("{"
                + "\"type\":\"urn:eoc:problem:internal-error\",\"title\":\"Internal error\",\"status\":500,"
                + "\"detail\":\"the request could not be completed\"}");
    }

    /** What a client on a kept-alive connection gets while the application stops. */
    @Test
    void aPausedConnectorAsksForARetry() {
        assertThat(json(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo("{"
                + "\"type\":\"urn:eoc:problem:service-unavailable\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"the service is not taking requests now (it is stopping or starting): retry\"}");
    }

    @Test
    void otherStatusesAreNamedAfterTheirStatusAndSayWhoseFaultItIs() {
        assertThat(json(HttpStatus.HTTP_VERSION_NOT_SUPPORTED)).isEqualTo("{"
                + "\"type\":\"urn:eoc:problem:http-version-not-supported\",\"title\":\"HTTP Version not supported\","
                + "\"status\":505,\"detail\":\"the server does not answer this request\"}");
        assertThat(json(HttpStatusCode.valueOf(499))).isEqualTo("{"
                + "\"type\":\"urn:eoc:problem:http-499\",\"title\":\"Error\","
                + "\"status\":499,\"detail\":\"the server does not take the request as it was sent\"}");
    }

    private static String json(HttpStatusCode status) {
        return ContainerProblems.json(ContainerProblems.of(status));
    }

    /** The body is written without a JSON library: what goes into its strings must need no escaping. */
    @Test
    void everyTitleIsSafeInAJsonString() {
        assertThat(Arrays.stream(HttpStatus.values()).map(HttpStatus::getReasonPhrase))
                .allMatch(title -> title.matches("[A-Za-z0-9 '-]+"));
    }
}
