package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.LocalPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile-input corpus ({@code hostile/corpus.txt}, which says what each column means), case
 * by case, over real HTTP against the running command side and query side. Every case is sent
 * byte for byte over a socket, as an attacker's tool would send it (two headers of one name, a
 * line break in a header, bytes that are not UTF-8), and for each the test asserts:
 * <ul>
 *   <li>that the answer keeps to the application's OpenAPI description, when the description
 *   has the request's method and path ({@link ApiDescription});</li>
 *   <li>the status the corpus expects, and for every 4xx an {@code application/problem+json} body of
 *   the expected problem type; no header of the answer repeats the case's marker;</li>
 *   <li>for a refused request, that nothing was stored: no event, avatar image, API token, email
 *   address or login appeared anywhere;</li>
 *   <li>that the applications' logs gained no WARN or ERROR line (a refused request is not a server
 *   event), no line with the case's marker (a line the client wrote) and no piece of a credential
 *   the request carried.</li>
 * </ul>
 */
class HostileInputSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CORPUS = "/hostile/corpus.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)(?::([^}]*))?}");
    private static final Pattern LOG_LEVEL = Pattern.compile("(?m)^\\S+\\s+(WARN|ERROR)\\s");
    private static final AtomicInteger CASES = new AtomicInteger();

    private static RunningSystem system;
    /** The account the cases aim at: it holds a live API token. */
    private static String account;
    private static String otherAccount;
    private static String apiToken;
    private static final Map<String, String> credentials = new HashMap<>();
    private static final List<String> markers = new ArrayList<>();

    /** One row of the corpus, aimed at one application. */
    record Case(int line, String side, String as, String method, String target, String headers, String body,
                int status, String problem, String why) {

        @Override
        public String toString() {
            String shown = target.length() > 70 ? target.substring(0, 70) + "…" : target;
            return "line " + line + " " + side + ": " + method + " " + shown + " -> " + status + " (" + why + ")";
        }
    }

    @BeforeAll
    static void anAccountWithALiveToken() throws Exception {
        system = RunningSystem.get();
        account = register("target");
        otherAccount = register("other");
        HttpResponse<String> generated = system.commandSide.send("POST", "/api/accounts/" + account + "/api-token",
                "{\"expiresInDays\":30}", system.jwt(account));
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        apiToken = JSON.readTree(generated.body()).get("token").asString();
        credentials.put("admin", system.admin());
        credentials.put("owner", system.jwt(account));
        credentials.put("viewer", system.jwt("hostile-viewer", "viewer"));
        credentials.put("auditor", system.jwt("hostile-auditor", "auditor"));
        credentials.put("introspector", system.jwt("hostile-introspector", "introspector"));
        credentials.put("token", apiToken);
        ForgedJwts forged = new ForgedJwts(system.admin());
        credentials.put("jwt-alg-none", forged.algNone());
        credentials.put("jwt-wrong-key", forged.signedByAnotherKey());
        credentials.put("jwt-expired", forged.with(claims -> claims.put("exp", Instant.now().minusSeconds(3600)
                .getEpochSecond())));
        credentials.put("jwt-other-issuer", forged.with(claims -> claims.put("iss", "https://login.example.com")));
        credentials.put("jwt-no-sub", forged.with(claims -> claims.remove("sub")));
        credentials.put("jwt-roles-string", forged.with(claims -> claims.put("roles", "admin")));
        credentials.put("jwt-not-yet", forged.with(claims -> claims.put("nbf", Instant.now().plusSeconds(3600)
                .getEpochSecond())));
        credentials.put("jwt-tampered", forged.tampered());
        credentials.put("token-bad-checksum", apiToken.substring(0, apiToken.length() - 1)
                + (apiToken.endsWith("A") ? "B" : "A"));
        credentials.put("token-unknown", "eoc_" + "A".repeat(32) + apiToken.substring(apiToken.length() - 6));
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(HostileInputSystemTest.class.getResourceAsStream(CORPUS))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" \\| ", -1);
                if (fields.length != 9) {
                    throw new IllegalStateException(CORPUS + " line " + (i + 1) + " has " + fields.length
                            + " fields, not 9: " + line);
                }
                String side = fields[0].strip();
                for (String oneSide : side.equals("both") ? List.of("command", "query") : List.of(side)) {
                    cases.add(new Case(i + 1, oneSide, fields[1].strip(), fields[2].strip(), fields[3].strip(),
                            fields[4].strip(), fields[5].strip(), Integer.parseInt(fields[6].strip()),
                            fields[7].strip(), fields[8].strip()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAnsweredAsTheCorpusSaysAndLeavesNoTrace(Case hostile) throws Exception {
        String marker = "HOSTILE" + CASES.incrementAndGet() + "M" + UUID.randomUUID().toString().substring(0, 8);
        markers.add(marker);
        Application application = hostile.side().equals("command") ? system.commandSide : system.querySide;
        List<String> secrets = new ArrayList<>();
        byte[] request = request(hostile, marker, secrets);
        Map<String, Long> storedBefore = stored();
        int commandLog = system.commandSide.log().length();
        int queryLog = system.querySide.log().length();

        Answer answer = exchange(application.port, request);

        assertThat(answer.status()).as("%s answered %s", hostile, answer.body()).isEqualTo(hostile.status());
        assertThat(answer.headers().toString()).as("%s: the answer's headers repeat the request", hostile)
                .doesNotContain(marker);
        if (hostile.status() >= 400) {
            assertThat(answer.header("content-type")).as("%s", hostile).startsWith("application/problem+json");
            if (!hostile.method().equals("HEAD")) {
                assertThat(JSON.readTree(answer.body()).path("type").asString()).as("%s: %s", hostile, answer.body())
                        .isEqualTo("urn:eoc:problem:" + hostile.problem());
            }
            assertThat(stored()).as("%s stored something", hostile).isEqualTo(storedBefore);
        }
        String[] requestLine = new String(request, 0, indexOf(request, "\r\n"), StandardCharsets.ISO_8859_1)
                .split(" ");
        if (requestLine.length >= 2) {
            application.check(requestLine[0], requestLine[1], answer.status(),
                    name -> answer.headers().get(name.toLowerCase(Locale.ROOT)),
                    answer.body().getBytes(StandardCharsets.UTF_8));
        }
        String logged = system.commandSide.log().substring(commandLog) + system.querySide.log().substring(queryLog);
        assertThat(LOG_LEVEL.matcher(logged).find()).as("%s logged at WARN or ERROR:%n%s", hostile, logged).isFalse();
        assertThat(logged).as("%s: a line the client wrote is in the log", hostile).doesNotContain(marker);
        for (String secret : secrets) {
            assertThat(logged).as("%s: a credential is in the log", hostile).doesNotContain(secret);
        }
    }

    /** Lines logged after the case that still hold its words, whatever wrote them and when. */
    @AfterAll
    static void noMarkerOrTokenInAnyLog() throws IOException {
        if (system == null) {
            return;
        }
        String logs = system.commandSide.log() + system.querySide.log();
        for (String marker : markers) {
            assertThat(logs).doesNotContain(marker);
        }
        if (apiToken != null) {
            assertThat(logs).doesNotContain(apiToken.substring(4, 20)).doesNotContain(apiToken.substring(20));
        }
    }

    // ------------------------------------------------------------------------------ the request

    /** The request's bytes: the corpus's text with its placeholders filled and escapes decoded. */
    private static byte[] request(Case hostile, String marker, List<String> secrets) {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(fill(hostile.method(), marker, secrets) + " " + fill(hostile.target(), marker, secrets)
                + " HTTP/1.1\r\n"));
        out.writeBytes(bytes("Host: localhost\r\nConnection: close\r\n"));
        if (!hostile.as().equals("-")) {
            out.writeBytes(bytes("Authorization: Bearer " + secret(hostile.as(), secrets) + "\r\n"));
        }
        if (!hostile.headers().equals("-")) {
            for (String header : hostile.headers().split("\\\\n")) {
                String filled = fill(header, marker, secrets);
                headers.put(filled.substring(0, Math.max(0, filled.indexOf(':'))).toLowerCase(Locale.ROOT), filled);
                out.writeBytes(bytes(filled + "\r\n"));
            }
        }
        Payload payload = payload(hostile.body(), marker, secrets);
        if (payload.contentType() != null && !headers.containsKey("content-type")) {
            out.writeBytes(bytes("Content-Type: " + payload.contentType() + "\r\n"));
        }
        if (!headers.containsKey("content-length") && !headers.containsKey("transfer-encoding")
                && (payload.bytes().length > 0 || !List.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE")
                .contains(hostile.method()))) {
            out.writeBytes(bytes("Content-Length: " + payload.bytes().length + "\r\n"));
        }
        out.writeBytes(bytes("\r\n"));
        out.writeBytes(payload.bytes());
        return out.toByteArray();
    }

    record Payload(String contentType, byte[] bytes) {
    }

    /**
     * {@code -} (none), {@code json:…}, {@code form:…}, {@code text:…} (no content type),
     * {@code multipart:N} (N small parts), or {@code upload:KIND} (one part named image).
     */
    private static Payload payload(String body, String marker, List<String> secrets) {
        if (body.equals("-")) {
            return new Payload(null, new byte[0]);
        }
        int colon = body.indexOf(':');
        String kind = body.substring(0, colon);
        String text = body.substring(colon + 1);
        return switch (kind) {
            case "json" -> new Payload("application/json", bytes(fill(text, marker, secrets)));
            case "form" -> new Payload("application/x-www-form-urlencoded", bytes(fill(text, marker, secrets)));
            case "text" -> new Payload(null, bytes(fill(text, marker, secrets)));
            case "multipart" -> multipart(Integer.parseInt(text), marker);
            case "upload" -> upload(text);
            default -> throw new IllegalStateException("no body of kind " + kind);
        };
    }

    /** Fills {@code {account}}, {@code {marker}}, a credential, or {@code {repeat:TEXT:N}}. */
    private static String fill(String text, String marker, List<String> secrets) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String argument = placeholder.group(2);
            String value = switch (name) {
                case "account" -> account;
                case "other" -> otherAccount;
                case "marker" -> marker;
                case "repeat" -> {
                    int last = argument.lastIndexOf(':');
                    yield argument.substring(0, last).repeat(Integer.parseInt(argument.substring(last + 1)));
                }
                default -> credentials.containsKey(name) ? secret(name, secrets) : null;
            };
            if (value == null) {
                // not a placeholder: an attacker's own braces (${jndi:…}), sent as written
                value = placeholder.group();
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static String secret(String name, List<String> secrets) {
        String credential = credentials.get(name);
        if (credential == null) {
            throw new IllegalStateException("no credential or placeholder named " + name);
        }
        // its second half: a JWT's header is the same in all of them, a token's prefix too
        secrets.add(credential.substring(credential.length() / 2));
        return credential;
    }

    /**
     * The text as bytes: UTF-8, except that {@code \xHH} is the byte HH (how the corpus writes
     * bytes that are not UTF-8), {@code \r} and {@code \n} are CR and LF, {@code \\} a backslash.
     * Any other backslash is kept, so that JSON escapes such as {@code \ud800} reach the server.
     */
    private static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == 'x' && i + 3 < text.length()) {
                    out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
                    run.setLength(0);
                    out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
                if (next == 'r' || next == 'n' || next == '\\') {
                    run.append(next == 'r' ? '\r' : next == 'n' ? '\n' : '\\');
                    i++;
                    continue;
                }
            }
            run.append(c);
        }
        out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Payload multipart(int parts, String marker) {
        String boundary = "hostile-" + marker;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"p").append(i)
                    .append("\"\r\n\r\nx\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return new Payload("multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** One file in the part {@code image}: what an avatar upload sends, made hostile. */
    private static Payload upload(String kind) {
        byte[] file = switch (kind) {
            case "png" -> png(8, 8);
            case "png-then-html" -> concat(png(8, 8), bytes("<html><script>alert(1)</script></html>"));
            case "svg" -> bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
            case "html" -> bytes("<!DOCTYPE html><html><body onload=alert(1)></body></html>");
            case "empty" -> new byte[0];
            case "truncated-png" -> Arrays.copyOf(png(8, 8), 40);
            case "png-claims-100000px" -> pngHeader(100_000, 100_000);
            case "gif-claims-65535px" -> concat(bytes("GIF89a"), new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                    (byte) 0xFF, 0, 0, 0, 0x2C, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0});
            case "jpeg-magic-only" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};
            case "zip" -> concat(bytes("PK\u0003\u0004"), new byte[64]);
            default -> throw new IllegalStateException("no upload of kind " + kind);
        };
        String boundary = "hostile-upload-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Payload("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG signature and a header chunk, with its checksum, claiming the given size; no pixels. */
    private static byte[] pngHeader(int width, int height) {
        byte[] chunk = new byte[4 + 13];
        System.arraycopy(bytes("IHDR"), 0, chunk, 0, 4);
        putInt(chunk, 4, width);
        putInt(chunk, 8, height);
        chunk[12] = 8;
        chunk[13] = 2;
        CRC32 crc = new CRC32();
        crc.update(chunk);
        byte[] png = new byte[8 + 4 + chunk.length + 4];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        putInt(png, 8, 13);
        System.arraycopy(chunk, 0, png, 12, chunk.length);
        putInt(png, 12 + chunk.length, (int) crc.getValue());
        return png;
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + wanted.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length)) {
                return at;
            }
        }
        return bytes.length;
    }

        private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    // ------------------------------------------------------------------------------ the answer

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /**
     * Sends the bytes and reads the answer until the server closes the connection (the request
     * says {@code Connection: close}); a server that waits for more than it was sent is cut off
     * after a few seconds, and the test then fails on the missing answer.
     */
    private static Answer exchange(int port, byte[] request) throws IOException {
        byte[] raw;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            raw = socket.getInputStream().readAllBytes();
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: %s", text).isPositive();
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    // ------------------------------------------------------------------------------ what is stored

    /** How many rows each table that a command writes holds. */
    private static Map<String, Long> stored() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(system.databaseUrl, LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            for (String table : List.of("eventstore.domain_event_entry", "avatarstore.image", "credentials.api_token",
                    "credentials.account_login", "command_side.email_index")) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String register(String name) throws Exception {
        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                JSON.writeValueAsString(Map.of("firstName", "Hostile", "lastName", name,
                        "email", name + "." + UUID.randomUUID() + "@example.com")), system.admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("accountId").asString();
    }

    // ------------------------------------------------------------------------------ forged JWTs

    /**
     * JWTs that must be refused, made from a real one: unsigned, signed by a stranger's key, or
     * signed by the local identity provider's own key (the test holds its key file) with claims
     * that must not pass (expired, another issuer, no subject…).
     */
    private static final class ForgedJwts {

        private final String header;
        private final ObjectNode claims;
        private final PrivateKey localKey;

        ForgedJwts(String real) throws Exception {
            String[] parts = real.split("\\.");
            this.header = parts[0];
            this.claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode key = JSON.readTree(Files.readString(Path.of(System.getProperty("signingKeyFile"))));
            this.localKey = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                    number(key, "n"), number(key, "e"), number(key, "d"), number(key, "p"), number(key, "q"),
                    number(key, "dp"), number(key, "dq"), number(key, "qi")));
        }

        String algNone() {
            return encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + encode(claims()) + ".";
        }

        String signedByAnotherKey() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return signed(header, claims(), generator.generateKeyPair().getPrivate());
        }

        String with(Consumer<ObjectNode> change) throws Exception {
            ObjectNode changed = claims.deepCopy();
            change.accept(changed);
            return signed(header, JSON.writeValueAsBytes(changed), localKey);
        }

        /** The real signature over claims that say more (another subject). */
        String tampered() throws Exception {
            String real = signed(header, claims(), localKey);
            ObjectNode changed = claims.deepCopy();
            changed.put("sub", account);
            return header + "." + encode(JSON.writeValueAsBytes(changed)) + real.substring(real.lastIndexOf('.'));
        }

        private byte[] claims() {
            return JSON.writeValueAsBytes(claims);
        }

        private static String signed(String header, byte[] claims, PrivateKey key) throws Exception {
            String content = header + "." + encode(claims);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + encode(signature.sign());
        }

        private static String encode(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static BigInteger number(JsonNode key, String name) {
            return new BigInteger(1, Base64.getUrlDecoder().decode(key.get(name).asString()));
        }
    }
}
