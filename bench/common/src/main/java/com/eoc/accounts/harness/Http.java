package com.eoc.accounts.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP client of the benchmark and the fault trials, for the command side, the query side
 * and the CRUD service alike: the JDK's, HTTP/1.1 with kept-alive connections, as a browser or a
 * service behind a load balancer would call them.
 */
public final class Http {

    public record Response(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private volatile String authorization;

    public Http() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** A client that gives up connecting after {@code connect} and waiting for an answer after {@code timeout}. */
    public Http(Duration connect, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .build();
        this.timeout = timeout;
    }

    /** From now on every request carries this bearer token. */
    public void authenticateWith(String token) {
        authorization = "Bearer " + token;
    }

    public Response get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET());
    }

    public Response put(URI uri, String json) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(URI uri, String json) throws IOException, InterruptedException {
        return send(request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Throws unless the answer is 2xx: a failed request must not count as a fast one. */
    public Response expectOk(Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    /** A request to {@code uri} with this client's timeout and bearer token, to finish and {@link #exchange}. */
    public HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        String header = authorization;
        return header == null ? builder : builder.header("Authorization", header);
    }

    /** The whole answer, headers included. */
    public HttpResponse<String> exchange(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(builder);
        return new Response(response.statusCode(), response.body());
    }
}
