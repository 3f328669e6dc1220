package com.eoc.accounts.command.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that talk to the running application over a real socket, sending
 * one caller's credentials ({@code Authorization: Bearer …}) with every request, or none.
 */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;

    /** Anonymous: no {@code Authorization} header. */
    Http(int port) {
        this("http://localhost:" + port, null);
    }

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same server, called with {@code Authorization: Bearer <token>} (a JWT or an API token). */
    Http as(String bearerToken) {
        return withAuthorization("Bearer " + bearerToken);
    }

    /** The {@code Authorization} header this sends, or null. */
    String authorization() {
        return authorization;
    }

    /** The same server, called with exactly this {@code Authorization} header, or none when null. */
    Http withAuthorization(String header) {
        return new Http(base, header);
    }

    Reply get(String path) {
        return send("GET", path, null, BodyPublishers.noBody(), null);
    }

    Reply post(String path, String json) {
        return send("POST", path, "application/json", BodyPublishers.ofString(json), null);
    }

    /** An {@code application/x-www-form-urlencoded} POST, as RFC 7662 introspection takes it. */
    Reply postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded", BodyPublishers.ofString(form), null);
    }

    Reply put(String path, String json, String ifMatch) {
        return send("PUT", path, "application/json", BodyPublishers.ofString(json), ifMatch);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, BodyPublishers.noBody(), null);
    }

    Reply putImage(String path, byte[] image) {
        String boundary = "----boundary" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"face.png\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + image.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(image, 0, body, head.length, image.length);
        System.arraycopy(tail, 0, body, head.length + image.length, tail.length);
        return send("PUT", path, "multipart/form-data; boundary=" + boundary, BodyPublishers.ofByteArray(body), null);
    }

    Reply send(String method, String path, String contentType, BodyPublisher body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }
    }
}
