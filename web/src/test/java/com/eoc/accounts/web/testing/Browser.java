package com.eoc.accounts.web.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does that matters here: it keeps cookies and follows redirects one by one (so
 * that the tests can look at each). No JavaScript: the page's script is stood in for by
 * {@link #xsrfToken()}.
 */
public final class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String pathOrUrl, String... headers) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET(), headers);
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(HttpRequest.newBuilder(resolve(path)).method(method, body), headers);
    }

    /** A change as the page sends it: with the CSRF cookie's value in the header. */
    public HttpResponse<String> change(String method, String path, String json) {
        return send(method, path, HttpRequest.BodyPublishers.ofString(json),
                "Content-Type", "application/json", "X-XSRF-TOKEN", xsrfToken());
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Follows redirects from this answer on, as a browser would, and returns the last answer. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            current = get(current.uri().resolve(location).toString(), "Accept", "text/html");
        }
        return current;
    }

    /**
     * Signs in as a person would: opens the page, is sent to the provider's form, fills it in,
     * and comes back. Returns the answer of the last step (the page, when it worked).
     */
    public HttpResponse<String> signIn(String user, String password) {
        HttpResponse<String> form = follow(get("/", "Accept", "text/html"));
        return submitSignIn(form, user, password);
    }

    public HttpResponse<String> submitSignIn(HttpResponse<String> form, String user, String password) {
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no sign-in form with a CSRF field at " + form.uri() + ": " + form.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", user);
        fields.put("password", password);
        fields.put("_csrf", csrf.group(1));
        String body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> posted = send(HttpRequest.newBuilder(form.uri().resolve("/login"))
                .POST(HttpRequest.BodyPublishers.ofString(body)), "Content-Type", "application/x-www-form-urlencoded");
        return follow(posted);
    }

    /** What the page's script reads from the XSRF-TOKEN cookie. */
    public String xsrfToken() {
        return cookie("XSRF-TOKEN");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private URI resolve(String pathOrUrl) {
        return base.resolve(pathOrUrl);
    }
}
