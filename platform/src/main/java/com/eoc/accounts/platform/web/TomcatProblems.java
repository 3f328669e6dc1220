package com.eoc.accounts.platform.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's error report valve, so that what
 * Tomcat refuses before Spring sees it is problem+json too. Imported by
 * {@link ProblemDetailsSupport}, which each application's error mapping extends. Ordered last: Spring Boot's own customizer adds
 * Tomcat's valve to the host's pipeline, and this one takes it out again.
 */
public final class TomcatProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> replaceErrorReportValve((Host) context.getParent()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static void replaceErrorReportValve(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        // the host adds a valve of this class when it starts, unless its pipeline has one already
        if (host instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
    }
}
