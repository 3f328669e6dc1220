package com.eoc.accounts.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.AccessLogValve;
import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.Test;

class TomcatProblemsTest {

    /** The host as Spring Boot leaves it: Tomcat's error report valve after another valve. */
    @Test
    void theHostKeepsItsOtherValvesAndAnswersErrorsWithProblemsOnly() {
        StandardHost host = new StandardHost();
        AccessLogValve accessLog = new AccessLogValve();
        host.getPipeline().addValve(accessLog);
        host.getPipeline().addValve(new ErrorReportValve());

        TomcatProblems.replaceErrorReportValve(host);

        Valve[] valves = host.getPipeline().getValves();
        assertThat(Arrays.stream(valves).filter(ErrorReportValve.class::isInstance))
                .singleElement().isInstanceOf(ProblemErrorReportValve.class);
        assertThat(valves).contains(accessLog);
        assertThat(host.getErrorReportValveClass())
                .as("the valve the host adds when it starts, unless its pipeline has one")
                .isEqualTo(ProblemErrorReportValve.class.getName());
    }
}
