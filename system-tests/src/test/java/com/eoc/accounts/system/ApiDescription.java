package com.eoc.accounts.system;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI description of one application ({@code docs/openapi/<name>.json}), and
 * the check that an answer keeps to it: every answer that the system tests receive from the
 * command side or the query side goes through {@link #check}. The operation is found by method
 * and path template; its status must be declared; the answer's media type must be one the status
 * declares and its JSON body must validate against that media type's schema (OpenAPI 3.1's
 * dialect of JSON Schema 2020-12, formats asserted); the headers declared required must be
 * there. A request to a path or with a method that the description does not have (a probe of
 * the hostile-input tests, the actuator, the description itself) is not checked.
 */
final class ApiDescription {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH",
            "TRACE");
    private static final Map<String, ApiDescription> LOADED = new ConcurrentHashMap<>();

    final String name;
    final Path file;
    private volatile Loaded loaded;

    private ApiDescription(String name) {
        this.name = name;
        this.file = directory().resolve(name + ".json");
    }

    /** The description of the application that the jar named by {@code jarProperty} runs, if it has one here. */
    static Optional<ApiDescription> of(String jarProperty) {
        return Optional.ofNullable(switch (jarProperty) {
            case "commandSide.jar" -> named("command-side");
            case "querySide.jar" -> named("query-side");
            default -> null;
        });
    }

    static ApiDescription named(String name) {
        return LOADED.computeIfAbsent(name, ApiDescription::new);
    }

    static Path directory() {
        return Path.of(System.getProperty("openapi.dir"));
    }

    /**
     * Fails, with what differs, if the answer to {@code method target} does not keep to the
     * description. {@code header} gives a header's first value by name (any case), or null.
     */
    void check(String method, String target, int status, Function<String, String> header, byte[] body) {
        if (!METHODS.contains(method) || !target.startsWith("/")) {
            return;
        }
        String path = target.replaceFirst("[?#].*", "");
        Loaded description = loaded();
        Optional<String> template = description.templateOf(path);
        JsonNode operation = template.map(found -> description.document.path("paths").path(found)
                .path(method.toLowerCase(Locale.ROOT))).orElse(null);
        if (operation == null || operation.isMissingNode()) {
            return;
        }
        String where = name + ".json: " + method + " " + template.get() + " (" + path + ") answered " + status;
        JsonNode responses = operation.path("responses");
        String code = Integer.toString(status);
        if (!responses.has(code)) {
            code = responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX" : "default";
        }
        if (!responses.has(code)) {
            throw new AssertionError(where + ", a status it does not declare (it declares "
                    + String.join(", ", responses.propertyNames()) + ")");
        }
        JsonNode response = description.resolve(responses.path(code));
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> declared : response.path("headers").properties()) {
            if (description.resolve(declared.getValue()).path("required").asBoolean(false)
                    && header.apply(declared.getKey()) == null) {
                differences.add("the required header " + declared.getKey() + " is missing");
            }
        }
        String contentType = header.apply("Content-Type");
        JsonNode content = response.path("content");
        if (content.isEmpty()) {
            if (body.length > 0) {
                differences.add("a body (" + contentType + ") where it declares none");
            }
        } else if (body.length == 0) {
            differences.add("no body where it declares " + String.join(", ", content.propertyNames()));
        } else if (contentType == null) {
            differences.add("no Content-Type where it declares " + String.join(", ", content.propertyNames()));
        } else {
            String mediaType = contentType.replaceFirst(";.*", "").strip().toLowerCase(Locale.ROOT);
            Optional<String> declared = content.propertyNames().stream().filter(range -> matches(range, mediaType))
                    .findFirst();
            if (declared.isEmpty()) {
                differences.add("Content-Type " + contentType + " where it declares "
                        + String.join(", ", content.propertyNames()));
            } else if (isJson(mediaType) && content.path(declared.get()).has("schema")) {
                String pointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT)
                        + "/responses/" + escape(code) + "/content/" + escape(declared.get()) + "/schema";
                differences.addAll(description.validate(pointer, body));
            }
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(where + " " + contentType + " that its description does not allow: "
                    + String.join("; ", differences) + "\n" + new String(body, StandardCharsets.UTF_8));
        }
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = new Loaded(file);
                }
                current = loaded;
            }
        }
        return current;
    }

    /** {@code image/*} and {@code *}{@code /*} as ranges, anything else exactly. */
    private static boolean matches(String range, String mediaType) {
        return range.equals("*/*") || range.equalsIgnoreCase(mediaType)
                || range.endsWith("/*") && mediaType.startsWith(range.substring(0, range.length() - 1));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A JSON pointer's token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The document, its path templates, and the schemas of the responses met so far. */
    private static final class Loaded {

        private final JsonNode document;
        private final String iri;
        private final SchemaRegistry schemas;
        private final Map<String, Schema> byPointer = new ConcurrentHashMap<>();
        private final List<String> templates = new ArrayList<>();

        Loaded(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: " + PublishedDescriptionSystemTest.REGENERATE);
            }
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            document = JSON.readTree(text);
            iri = file.toAbsolutePath().normalize().toUri().toString();
            // the validator reads the document as it was read here, the base of its own $refs
            schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                    registry -> registry.schemas(Map.of(iri, text)));
            document.path("paths").propertyNames().forEach(templates::add);
        }

        /**
         * The template that the path matches, a literal segment before a parameter: each segment
         * decoded, a parameter standing for any one non-empty segment.
         */
        Optional<String> templateOf(String path) {
            String[] segments = path.split("/", -1);
            return templates.stream()
                    .filter(template -> matches(template.split("/", -1), segments))
                    .max((a, b) -> Long.compare(literals(a), literals(b)));
        }

        private static boolean matches(String[] template, String[] segments) {
            if (template.length != segments.length) {
                return false;
            }
            for (int i = 0; i < template.length; i++) {
                String segment = decoded(segments[i]);
                boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
                if (parameter ? segment.isEmpty() : !template[i].equals(segment)) {
                    return false;
                }
            }
            return true;
        }

        private static long literals(String template) {
            return Arrays.stream(template.split("/")).filter(segment -> !segment.startsWith("{")).count();
        }

        /** A path segment with its %-escapes decoded as UTF-8, or as it is if they are malformed. */
        private static String decoded(String segment) {
            if (segment.indexOf('%') < 0) {
                return segment;
            }
            try {
                byte[] bytes = new byte[segment.length()];
                int length = 0;
                for (int i = 0; i < segment.length(); i++) {
                    char c = segment.charAt(i);
                    if (c == '%') {
                        bytes[length++] = (byte) Integer.parseInt(segment.substring(i + 1, i + 3), 16);
                        i += 2;
                    } else {
                        bytes[length++] = (byte) c;
                    }
                }
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length))
                        .toString();
            } catch (RuntimeException | CharacterCodingException malformed) {
                return segment;
            }
        }

        /** The object itself, or the one its {@code $ref} (within the document) names. */
        JsonNode resolve(JsonNode node) {
            String ref = node.path("$ref").asString("");
            if (!ref.startsWith("#/")) {
                return node;
            }
            JsonNode target = document;
            for (Iterator<String> tokens = List.of(ref.substring(2).split("/")).iterator(); tokens.hasNext(); ) {
                target = target.path(tokens.next().replace("~1", "/").replace("~0", "~"));
            }
            return target;
        }

        List<String> validate(String pointer, byte[] body) {
            JsonNode answer;
            try {
                answer = JSON.readTree(body);
            } catch (JacksonException notJson) {
                return List.of("a body that is not JSON");
            }
            Schema schema = byPointer.computeIfAbsent(pointer, key -> {
                Schema loaded = schemas.getSchema(SchemaLocation.of(iri + "#" + key));
                loaded.initializeValidators();
                return loaded;
            });
            return schema.validate(answer, context -> context.executionConfig(config -> config
                            .formatAssertionsEnabled(true)))
                    .stream().map(Error::toString).collect(Collectors.toList());
        }
    }
}
