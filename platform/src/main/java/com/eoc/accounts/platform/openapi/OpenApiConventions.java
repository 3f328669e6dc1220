package com.eoc.accounts.platform.openapi;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.EXPECTATION_FAILED;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

import com.eoc.accounts.platform.observability.CorrelationIds;
import com.eoc.accounts.platform.security.TokenExpirationHeader;
import com.eoc.accounts.platform.web.ProblemDetailsSupport;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.annotation.Nullable;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * What both applications' OpenAPI descriptions say of every operation, written once, so that a
 * controller states only what is its own: a summary, its success with the headers that go with
 * it, and its own refusals ({@link ProblemResponse}). Here:
 * <ul>
 *   <li>the {@value #PROBLEM} schema (RFC 9457) of every refusal; each refusal of an operation
 *   allows only the types that its status carries there, so that a validator checks them;</li>
 *   <li>the refusals that any operation may answer, whatever it does ({@link #customize});</li>
 *   <li>the headers on every answer ({@link #ON_EVERY_RESPONSE}), and those that operations refer
 *   to by name, as {@code @Header(name = "ETag", ref = "ETag")} ({@link #SHARED_HEADERS});</li>
 *   <li>what the request headers that several operations read mean ({@link #REQUEST_HEADERS});</li>
 *   <li>a {@link Nullable} property: its schema or null ({@link #resolve}).</li>
 * </ul>
 * Each application imports it.
 */
public class OpenApiConventions implements OpenApiCustomizer, OperationCustomizer, ModelConverter {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String HEADERS = "#/components/headers/";
    private static final String COMPONENTS = "#/components/schemas/";

    /**
     * Headers that may come with any answer of any operation, one line each: the name and what
     * it says. None is required, as none comes with every answer.
     */
    private static final Map<String, Header> ON_EVERY_RESPONSE = Map.of(
            TokenExpirationHeader.NAME, header("When the API token that authenticated the request expires: sent with"
                    + " every answer to a request made with an API token, whatever the answer", dateTime()),
            CorrelationIds.HEADER, header("The request's correlation id: the caller's own if it sent a well-formed"
                    + " one (1 to 64 letters, digits and ._:-), else a new one; the log lines and the events of the"
                    + " request name it", string()));

    /** Headers that operations name by reference; each is required where it is named. */
    private static final Map<String, Header> SHARED_HEADERS = Map.of(
            HttpHeaders.ETAG, header("The account's version as a strong entity tag (\"3\"): send it back in"
                    + " If-Match to make a command conditional", string().pattern("^\"[0-9]+\"$")).required(true),
            HttpHeaders.LOCATION, header("Where the resource that the answer is about can be read",
                    string().format("uri-reference")).required(true),
            HttpHeaders.RETRY_AFTER, header("Seconds to wait before asking again", integer().minimum(BigDecimal.ZERO))
                    .required(true),
            HttpHeaders.WWW_AUTHENTICATE, header("The bearer scheme and the error (RFC 6750): invalid_token, or"
                    + " insufficient_scope", string()).required(true));

    /** What a request header means wherever an operation reads it. */
    private static final Map<String, String> REQUEST_HEADERS = Map.of(
            HttpHeaders.IF_MATCH, "The account's version that the command expects, as its ETag gave it (\"3\"): if"
                    + " the account has changed since, nothing changes and the answer is 412 stale-version. A bare"
                    + " or malformed tag is 400 invalid-input, a weak one 412; absent or *, no condition",
            HttpHeaders.IF_NONE_MATCH, "The ETag of the copy the client holds: 304 without a body if it is current");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.servers(List.of(new Server().url("/").description("The host that serves this description")));
        Components components = openApi.getComponents();
        components.addSchemas(PROBLEM, problem());
        SHARED_HEADERS.forEach(components::addHeaders);
        ON_EVERY_RESPONSE.forEach(components::addHeaders);
    }

    /**
     * Adds to the operation the refusals that any operation may answer, and its own. Anything:
     * a request that cannot be read as HTTP or whose query string cannot be decoded (400
     * {@code bad-request}, {@code invalid-parameter}), refused credentials, even on a public
     * operation that was sent some (401), an answer type or an expectation the service cannot meet
     * (406, 417), a database that cannot be reached, where an API token is looked up too (503).
     * A secured one: a role that does not allow the request (403). One with a body: too large
     * (413), of a media type it does not take (415), and a JSON body that is not UTF-8 (400
     * {@code invalid-text}).
     */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Map<HttpStatus, SortedSet<String>> refusals = new TreeMap<>();
        add(refusals, BAD_REQUEST, "bad-request", "invalid-parameter");
        add(refusals, UNAUTHORIZED, "unauthenticated");
        if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
            add(refusals, FORBIDDEN, "forbidden");
        }
        add(refusals, NOT_ACCEPTABLE, "not-acceptable");
        add(refusals, EXPECTATION_FAILED, "expectation-failed");
        add(refusals, SERVICE_UNAVAILABLE, "database-unavailable");
        if (operation.getRequestBody() != null) {
            add(refusals, CONTENT_TOO_LARGE, "content-too-large");
            add(refusals, UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
            if (operation.getRequestBody().getContent().keySet().stream().anyMatch(type -> type.endsWith("json"))) {
                add(refusals, BAD_REQUEST, "invalid-text");
            }
        }
        for (ProblemResponse own : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                ProblemResponse.class)) {
            add(refusals, own.status(), own.types());
        }
        ApiResponses responses = operation.getResponses();
        refusals.forEach((status, types) -> {
            String code = Integer.toString(status.value());
            types.addAll(typesIn(responses.get(code)));
            responses.addApiResponse(code, refusal(status, types));
        });
        responses.values().forEach(response -> ON_EVERY_RESPONSE.keySet()
                .forEach(name -> response.addHeaderObject(name, new Header().$ref(HEADERS + name))));
        Optional.ofNullable(operation.getParameters()).orElse(List.of()).stream()
                .filter(parameter -> "header".equals(parameter.getIn()) && parameter.getDescription() == null)
                .forEach(parameter -> parameter.setDescription(REQUEST_HEADERS.get(parameter.getName())));
        return operation;
    }

    /**
     * A property annotated {@link Nullable} may be null, and says so: its types include null, or,
     * when it refers to another schema, it is that schema or null (a reference has no types of
     * its own). swagger-core would add null to the types of whatever schema it resolves for the
     * property, which for a record is the record's own schema: null would then be allowed, alone,
     * wherever that record is used. So the annotation is taken away before it resolves.
     */
    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Annotation[] annotations = type.getCtxAnnotations();
        if (!type.isSchemaProperty() || annotations == null
                || Arrays.stream(annotations).noneMatch(Nullable.class::isInstance)) {
            return chain.next().resolve(type, context, chain);
        }
        type.ctxAnnotations(Arrays.stream(annotations).filter(annotation -> !(annotation instanceof Nullable))
                .toArray(Annotation[]::new));
        Schema<?> schema = chain.next().resolve(type, context, chain);
        if (schema == null) {
            return null;
        }
        String reference = schema.get$ref() != null ? schema.get$ref()
                : schema.getName() != null && context.getDefinedModels().containsKey(schema.getName())
                ? COMPONENTS + schema.getName() : null;
        if (reference != null) {
            return new JsonSchema().oneOf(List.of(new JsonSchema().$ref(reference),
                    new JsonSchema().types(Set.of("null"))));
        }
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        } else if (schema.getType() != null) {
            types.add(schema.getType());
        }
        types.add("null");
        schema.setTypes(types);
        return schema;
    }

    private static void add(Map<HttpStatus, SortedSet<String>> refusals, HttpStatus status, String... types) {
        refusals.computeIfAbsent(status, ignored -> new TreeSet<>()).addAll(List.of(types));
    }

    private static ApiResponse refusal(HttpStatus status, Collection<String> types) {
        ApiResponse response = new ApiResponse()
                .description(status.getReasonPhrase() + ": " + String.join(", ", types))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new JsonSchema()
                        .allOf(List.of(new JsonSchema().$ref(PROBLEM), object()
                                .addProperty("type", new JsonSchema()._enum(types.stream()
                                        .map(type -> (Object) (ProblemDetailsSupport.PREFIX + type)).toList()))
                                .addProperty("status", new JsonSchema()._const(status.value())))))));
        if (status == UNAUTHORIZED || status == FORBIDDEN) {
            response.addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, reference(HttpHeaders.WWW_AUTHENTICATE));
        } else if (status == SERVICE_UNAVAILABLE) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, reference(HttpHeaders.RETRY_AFTER));
        }
        return response;
    }

    /** The types a refusal already allows: an operation with two handler methods is customised twice. */
    private static Set<String> typesIn(ApiResponse response) {
        if (response == null || response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null) {
            return Set.of();
        }
        Schema<?> refusal = response.getContent().get(PROBLEM_JSON).getSchema();
        Schema<?> constraints = (Schema<?>) refusal.getAllOf().get(1);
        List<?> types = constraints.getProperties().get("type").getEnum();
        return new TreeSet<>(types.stream().map(type -> type.toString().substring(ProblemDetailsSupport.PREFIX.length()))
                .toList());
    }

    /** RFC 9457's members as ProblemDetailsSupport fills them, and the extensions some problems carry. */
    private static Schema<?> problem() {
        return object()
                .description("Why a request was refused (RFC 9457). A client switches on type")
                .addProperty("type", string().format("uri").pattern("^urn:eoc:problem:[a-z0-9]+(-[a-z0-9]+)*$")
                        .description("urn:eoc:problem: and the rule's name"))
                .addProperty("title", string().description("The type in a few words"))
                .addProperty("status", integer().description("The answer's HTTP status"))
                .addProperty("detail", string().description("What a person can do about it"))
                .addProperty("instance", string().format("uri-reference")
                        .description("The request's path; absent when the request could not be read"))
                .addProperty("errors", new JsonSchema().types(Set.of("array"))
                        .description("invalid-input and invalid-parameter: every field or parameter refused")
                        .items(object().required(List.of("field", "message"))
                                .addProperty("field", string()).addProperty("message", string())))
                .addProperty("currentVersion", integer().format("int64")
                        .description("stale-version: the account's version now"))
                .required(List.of("type", "title", "status"));
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }

    private static Header reference(String name) {
        return new Header().$ref(HEADERS + name);
    }

    private static Schema<?> object() {
        return new JsonSchema().types(Set.of("object"));
    }

    private static Schema<?> string() {
        return new JsonSchema().types(Set.of("string"));
    }

    private static Schema<?> integer() {
        return new JsonSchema().types(Set.of("integer"));
    }

    private static Schema<?> dateTime() {
        return string().format("date-time");
    }
}
