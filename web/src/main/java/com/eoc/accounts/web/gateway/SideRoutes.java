package com.eoc.accounts.web.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.addResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.method;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import com.eoc.accounts.web.security.BrowserProtections;
import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The two routes of the backend-for-frontend: reads go to the query side, changes to the command
 * side, each path unchanged, each with the signed-in user's access token (Spring Cloud Gateway's
 * token relay, which refreshes an expired token through the authorized client manager). What the
 * sides answer (status, ETag, Retry-After, Location, body) comes back as it is, with the page's
 * Content-Security-Policy added.
 */
@Configuration(proxyBeanMethods = false)
class SideRoutes {

    /** The request header that carries the CSRF token; the sides have no use for it. */
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    private static final RequestPredicate READS = path("/api/**")
            .and(method(HttpMethod.GET).or(method(HttpMethod.HEAD)));
    private static final RequestPredicate CHANGES = path("/api/**")
            .and(method(HttpMethod.POST).or(method(HttpMethod.PUT)).or(method(HttpMethod.DELETE)));

    @Bean
    RouterFunction<ServerResponse> reads(@Value("${accounts.web.query-side-url}") URI querySide) {
        return route("reads")
                .route(READS, http())
                .before(uri(querySide))
                .before(browserOnlyHeadersRemoved())
                .filter(tokenRelay())
                .after(pagePolicyAdded())
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> changes(@Value("${accounts.web.command-side-url}") URI commandSide) {
        return route("changes")
                .route(CHANGES, http())
                .before(uri(commandSide))
                .before(browserOnlyHeadersRemoved())
                .filter(tokenRelay())
                .after(pagePolicyAdded())
                .build();
    }

    /**
     * The page's policy on relayed answers too (an avatar opened in a tab of its own is such an
     * answer), beside whatever policy the side sent: a browser enforces each of them.
     */
    private static BiFunction<ServerRequest, ServerResponse, ServerResponse> pagePolicyAdded() {
        return addResponseHeader(CONTENT_SECURITY_POLICY, BrowserProtections.CONTENT_SECURITY_POLICY);
    }

    /**
     * The session and CSRF cookies, and the CSRF header, are this application's business: the
     * sides never see them. An Authorization header from the browser is dropped too, so that the
     * only credential a side receives is the one the token relay puts there.
     */
    private static Function<ServerRequest, ServerRequest> browserOnlyHeadersRemoved() {
        return removeRequestHeader(HttpHeaders.COOKIE)
                .andThen(removeRequestHeader(CSRF_HEADER))
                .andThen(removeRequestHeader(HttpHeaders.AUTHORIZATION));
    }
}
