package com.eoc.accounts.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP client of the benchmark, for the command side, the query side and the CRUD
 * service alike: the JDK's, HTTP/1.1 with kept-alive connections, as a browser or a service
 * behind a load balancer would call them.
 */
final class Http {

    record Response(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private volatile String authorization;

    /** From now on every request carries this bearer token. */
    void authenticateWith(String token) {
        authorization = "Bearer " + token;
    }

    Response get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET());
    }

    Response put(URI uri, String json) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response post(URI uri, String json) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Throws unless the answer is 2xx: a failed request must not count as a fast one. */
    Response expectOk(Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        String header = authorization;
        return header == null ? builder : builder.header("Authorization", header);
    }

    private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
