package com.eoc.accounts.system;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What a request sends: a content type (null for none) and the bytes that go with it. */
record Body(String contentType, BodyPublisher publisher) {

    static Body none() {
        return new Body(null, BodyPublishers.noBody());
    }

    static Body json(String json) {
        return new Body("application/json", BodyPublishers.ofString(json));
    }

    /** One form field, as RFC 7662 introspection takes the token. */
    static Body form(String field, String value) {
        return new Body("application/x-www-form-urlencoded",
                BodyPublishers.ofString(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }

    /** A {@code multipart/form-data} body with one PNG file in the part {@code part}. */
    static Body png(String part, byte[] image) {
        String boundary = "system-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Body("multipart/form-data; boundary=" + boundary, BodyPublishers.ofByteArray(body.toByteArray()));
    }
}
