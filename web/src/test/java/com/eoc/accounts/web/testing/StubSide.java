package com.eoc.accounts.web.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A stand-in for the command side or the query side: records every request it gets and answers
 * what the test tells it to (the first rule whose path prefix matches, else 200 with an empty JSON
 * object).
 */
public final class StubSide implements AutoCloseable {

    /** A request as the side received it. */
    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(",", entry.getValue()))
                    .findFirst().orElse(null);
        }
    }

    /** An answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public static Answer json(int status, String json, Map<String, String> headers) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.putIfAbsent("Content-Type", "application/json");
            return new Answer(status, all, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** No answer at all: the connection is closed, as by a side that crashed. */
        public static Answer hangUp() {
            return new Answer(-1, Map.of(), new byte[0]);
        }
    }

    private record Rule(String method, String pathPrefix, Function<Received, Answer> answer) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedDeque<Rule> rules = new ConcurrentLinkedDeque<>();

    public StubSide() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests of this method whose path starts with the prefix (newest rule first). */
    public void when(String method, String pathPrefix, Function<Received, Answer> answer) {
        rules.addFirst(new Rule(method, pathPrefix, answer));
    }

    /** The next request received, waiting a little for it. */
    public Received next() {
        try {
            Received request = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the side received no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether a request arrived that nobody took with {@link #next()}. */
    public boolean hasUnread() {
        return !received.isEmpty();
    }

    public void forget() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            Answer answer = rules.stream()
                    .filter(rule -> rule.method().equals(request.method())
                            && request.pathAndQuery().startsWith(rule.pathPrefix()))
                    .findFirst()
                    .map(rule -> rule.answer().apply(request))
                    .orElse(Answer.json(200, "{}", Map.of()));
            if (answer.status() < 0) {
                return;
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            boolean noBody = request.method().equals("HEAD") || answer.body().length == 0;
            exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
            if (!noBody) {
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
