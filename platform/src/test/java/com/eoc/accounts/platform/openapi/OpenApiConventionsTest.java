package com.eoc.accounts.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_FOUND;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class OpenApiConventionsTest {

    private final OpenApiConventions conventions = new OpenApiConventions();

    @Test
    void aSecuredOperationMayBeRefusedForItsRolesAndTheDatabaseAsAnyOther() throws Exception {
        Operation operation = conventions.customize(operation(), handler("read"));

        assertThat(operation.getResponses()).containsKeys("200", "400", "401", "403", "406", "417", "503")
                .doesNotContainKeys("413", "415");
        assertThat(types(operation, "403")).containsExactly("urn:eoc:problem:forbidden");
        assertThat(types(operation, "503")).containsExactly("urn:eoc:problem:database-unavailable");
        assertThat(operation.getResponses().get("401").getHeaders()).containsKey("WWW-Authenticate");
        assertThat(operation.getResponses().get("503").getHeaders()).containsKey("Retry-After");
    }

    @Test
    void aPublicOperationIsNeverRefusedForItsRoles() throws Exception {
        Operation operation = operation();
        operation.setSecurity(List.of());

        conventions.customize(operation, handler("read"));

        assertThat(operation.getResponses()).containsKey("401").doesNotContainKey("403");
    }

    @Test
    void anOperationsOwnRefusalsJoinTheSharedOnesOfTheirStatus() throws Exception {
        Operation operation = operation();
        operation.setRequestBody(new RequestBody().content(new Content().addMediaType("application/json",
                new MediaType())));

        conventions.customize(operation, handler("write"));

        assertThat(types(operation, "400")).containsExactly("urn:eoc:problem:bad-request",
                "urn:eoc:problem:invalid-input", "urn:eoc:problem:invalid-parameter", "urn:eoc:problem:invalid-text");
        assertThat(types(operation, "404")).containsExactly("urn:eoc:problem:account-not-found");
        assertThat(operation.getResponses()).containsKeys("413", "415");
    }

    /** springdoc customises an operation once per handler method that it merges into it. */
    @Test
    void customisingTwiceKeepsWhatTheFirstTimeAdded() throws Exception {
        Operation operation = conventions.customize(operation(), handler("write"));

        conventions.customize(operation, handler("read"));

        assertThat(types(operation, "400")).contains("urn:eoc:problem:invalid-input");
        assertThat(types(operation, "404")).containsExactly("urn:eoc:problem:account-not-found");
    }

    @Test
    void everyAnswerMayTellWhenTheApiTokenExpires() throws Exception {
        Operation operation = conventions.customize(operation(), handler("read"));

        assertThat(operation.getResponses().values()).allSatisfy(response ->
                assertThat(response.getHeaders()).containsKey("EOC-Token-Expiration"));
    }

    @Test
    void theDescriptionHasTheProblemSchemaAndTheSharedHeaders() {
        OpenAPI openApi = new OpenAPI().components(new Components());

        conventions.customise(openApi);

        assertThat(openApi.getComponents().getSchemas()).containsKey("Problem");
        assertThat(openApi.getComponents().getHeaders()).containsKeys("ETag", "Location", "Retry-After",
                "WWW-Authenticate", "EOC-Token-Expiration");
    }

    @Test
    void aNullableReferenceIsTheSchemaOrNullAndTheSchemaItselfStaysAsItIs() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(conventions);

        Map<String, Schema> schemas = converters.readAll(new AnnotatedType(Holder.class));

        Schema<?> token = property(schemas, "Holder", "token");
        assertThat(token.getOneOf()).hasSize(2);
        assertThat(token.getOneOf().get(0).get$ref()).isEqualTo("#/components/schemas/Token");
        assertThat(token.getOneOf().get(1).getTypes()).containsExactly("null");
        assertThat(Optional.ofNullable(schemas.get("Token").getTypes()).orElse(Set.of())).doesNotContain("null");
    }

    @Test
    void aNullableValueMayBeNullAndAnotherMayNot() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(conventions);

        Map<String, Schema> schemas = converters.readAll(new AnnotatedType(Holder.class));

        assertThat(property(schemas, "Holder", "hint").getTypes()).containsExactly("string", "null");
        assertThat(property(schemas, "Token", "hint").getTypes()).containsExactly("string");
    }

    private static Schema<?> property(Map<String, Schema> schemas, String model, String name) {
        Map<String, Schema> properties = ((Schema<?>) schemas.get(model)).getProperties();
        return properties.get(name);
    }

    private static Operation operation() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    }

    private static List<Object> types(Operation operation, String status) {
        Schema<?> refusal = operation.getResponses().get(status).getContent().get("application/problem+json")
                .getSchema();
        return List.copyOf(((Schema<?>) refusal.getAllOf().get(1)).getProperties().get("type").getEnum());
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(name));
    }

    record Token(String hint) {
    }

    record Holder(@Nullable Token token, @Nullable String hint) {
    }

    static class Endpoints {

        void read() {
        }

        @ProblemResponse(status = BAD_REQUEST, types = "invalid-input")
        @ProblemResponse(status = NOT_FOUND, types = "account-not-found")
        void write() {
        }
    }
}
