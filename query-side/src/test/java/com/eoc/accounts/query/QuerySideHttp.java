package com.eoc.accounts.query;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the query side under test, on its random port: as an administrator (who may
 * read and do everything on this side) unless a test names other credentials.
 */
public final class QuerySideHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(15);

    private QuerySideHttp() {
    }

    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return get(port, path, TestJwts.admin());
    }

    /** With {@code Authorization: Bearer <bearerToken>} (a JWT or an API token), or none if it is null. */
    public static HttpResponse<String> get(int port, String path, String bearerToken)
            throws IOException, InterruptedException {
        return HTTP.send(request(port, path, bearerToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> post(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(request(port, path, TestJwts.admin()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the account view until it shows {@code version} (or a later one). */
    public static HttpResponse<String> awaitVersion(int port, UUID accountId, long version) {
        return await().atMost(PROJECTION_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> get(port, "/api/accounts/" + accountId),
                        response -> response.statusCode() == 200
                                && JSON.readTree(response.body()).get("version").asLong() >= version);
    }

    private static HttpRequest.Builder request(int port, String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        return bearerToken == null ? request : request.header("Authorization", "Bearer " + bearerToken);
    }
}
