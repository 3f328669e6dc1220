package com.eoc.accounts.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the page's server, without the browser: an HTTP client that keeps
 * cookies and follows redirects one by one, signed in through the local identity provider's form
 * (or not at all), and that sends a change as the page's script does, with the {@code XSRF-TOKEN}
 * cookie's value in the {@code X-XSRF-TOKEN} header.
 */
final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final Application web;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private WebSession(Application web) {
        this.web = web;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * No one signed in, but holding the CSRF cookie, as a page whose session has ended still does:
     * its changes are refused for the missing session, not for the missing CSRF header.
     */
    static WebSession anonymous(Application web) throws IOException, InterruptedException {
        WebSession session = new WebSession(web);
        session.send("GET", "/session", Body.none());
        session.requireCsrfCookie();
        return session;
    }

    /** Signed in as {@code user} ({@code admin}, or an account's email address) with the local password. */
    static WebSession signedIn(Application web, String user) throws IOException, InterruptedException {
        WebSession session = new WebSession(web);
        HttpResponse<String> form = session.follow(session.send("GET", "/", Body.none(), "Accept", "text/html"));
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no sign-in form at " + form.uri() + ": " + form.statusCode() + " " + form.body());
        }
        String fields = "username=" + encode(user) + "&password=" + encode(Browser.PASSWORD)
                + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> page = session.follow(session.send("POST", "/login",
                new Body("application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(fields))));
        if (page.statusCode() != 200 || !page.uri().getPath().equals("/")) {
            throw new AssertionError(user + " did not get to the page: " + page.statusCode() + " at " + page.uri());
        }
        if (session.cookie("XSRF-TOKEN") == null) {
            session.send("GET", "/session", Body.none());
        }
        session.requireCsrfCookie();
        return session;
    }

    /** A request as it is, with the session's cookies and the given headers (name, value…). */
    HttpResponse<String> send(String method, String path, Body body, String... headers)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(web.baseUrl()).resolve(path)), method, body, headers);
    }

    /** A change as the page's script sends it: with the CSRF cookie's value in the header. */
    HttpResponse<String> change(String method, String path, Body body) throws IOException, InterruptedException {
        return send(method, path, body, "X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String method, Body body, String... headers)
            throws IOException, InterruptedException {
        request.method(method, body.publisher());
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    /** Follows redirects from this answer on, as a browser would, and returns the last answer. */
    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            URI location = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(location), "GET", Body.none(), "Accept", "text/html");
        }
        return current;
    }

    private void requireCsrfCookie() {
        if (cookie("XSRF-TOKEN") == null) {
            throw new AssertionError("no XSRF-TOKEN cookie from " + web.baseUrl());
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
