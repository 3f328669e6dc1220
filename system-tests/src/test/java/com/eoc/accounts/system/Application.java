package com.eoc.accounts.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One of the applications, started from its executable jar as a separate JVM. Every answer of
 * the command side and the query side is checked against the application's committed OpenAPI
 * description ({@link ApiDescription}): a request whose answer does not keep to it fails.
 */
final class Application implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String name;
    private final Process process;
    private final Path log;
    private final Optional<ApiDescription> description;
    final int port;

    private Application(String name, Process process, Path log, int port, Optional<ApiDescription> description) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.description = description;
    }

    static Application start(String name, String jarProperty, Map<String, String> environment) throws IOException {
        return start(name, jarProperty, environment, freePort());
    }

    /** As {@link #start(String, String, Map)}, on a port chosen beforehand (one that others must know first). */
    static Application start(String name, String jarProperty, Map<String, String> environment, int port)
            throws IOException {
        Path jar = Path.of(System.getProperty(jarProperty));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw verify from the top");
        }
        Path log = Files.createTempFile(name, ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Application application = new Application(name, builder.start(), log, port, ApiDescription.of(jarProperty));
        application.awaitHealthy(Duration.ofSeconds(90));
        return application;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** An anonymous JSON request to this application; {@code json} null for no body. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, null);
    }

    /** A JSON request with {@code Authorization: Bearer bearerToken} (none when null); {@code json} null for none. */
    HttpResponse<String> send(String method, String path, String json, String bearerToken)
            throws IOException, InterruptedException {
        return exchange(method, path, json == null ? Body.none() : Body.json(json), bearerToken);
    }

    /** A request with any body, with {@code Authorization: Bearer bearerToken} (none when null). */
    HttpResponse<String> exchange(String method, String path, Body body, String bearerToken)
            throws IOException, InterruptedException {
        return exchange(method, path, body, bearerToken, BodyHandlers.ofString());
    }

    /** As {@link #exchange(String, String, Body, String)}, read by {@code answer}, with headers (name, value…). */
    <T> HttpResponse<T> exchange(String method, String path, Body body, String bearerToken,
                             HttpResponse.BodyHandler<T> answer, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body.publisher());
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<T> response = CLIENT.send(request.build(), answer);
        check(method, path, response);
        return response;
    }

    /**
     * Fails if the answer does not keep to this application's OpenAPI description: for a test
     * that sends its requests with a client of its own.
     */
    void check(String method, String path, HttpResponse<?> response) {
        Object answered = response.body();
        byte[] body = answered instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : answered instanceof byte[] bytes ? bytes : new byte[0];
        description.ifPresent(contract -> contract.check(method, path, response.statusCode(),
                name -> response.headers().firstValue(name).orElse(null), body));
    }

    /** As {@link #check(String, String, HttpResponse)}, for an answer read off a socket. */
    void check(String method, String target, int status, Function<String, String> header, byte[] body) {
        description.ifPresent(contract -> contract.check(method, target, status, header, body));
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + tail());
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(name + " was not healthy within " + timeout + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /**
     * Ends the process as {@code kill -9} would: no shutdown hook, no claim released, no last
     * position written, as when a node's machine dies.
     */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not end after a forced kill");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
