package com.eoc.accounts.platform.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the requests no HTTP client sends: a malformed request line,
 * a control character in a header. The request goes out byte for byte as written (Latin-1), and
 * the answer is read until the server closes the connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code request} (request line, headers and body, with their CRLFs) to localhost. */
    public static Answer exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return Answer.of(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    /** An answer as it came: its status line, headers (names in lower case) and body, unchunked. */
    public record Answer(String statusLine, Map<String, String> headers, String body) {

        static Answer of(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("not an HTTP answer: " + raw);
            }
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).strip());
            }
            String body = raw.substring(end + 4);
            return new Answer(head[0], headers,
                    "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? unchunked(body) : body);
        }

        /** The value of a header, by its name in any case; null if absent. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        private static String unchunked(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
