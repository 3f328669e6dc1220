package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI descriptions ({@code docs/openapi/command-side.json} and
 * {@code query-side.json}) are what the running applications publish at {@code /v3/api-docs}:
 * the other system tests check every answer against the committed ones, so a description that
 * has moved on in the code must be committed too. Run with {@code -Dopenapi.update=true} (the
 * command in {@link #REGENERATE}), this test writes them instead of comparing: pretty-printed,
 * keys in alphabetical order, so that two versions compare line by line.
 */
class PublishedDescriptionSystemTest {

    static final String REGENERATE = "regenerate docs/openapi with ./mvnw -B -pl system-tests verify"
            + " -Dtest=PublishedDescriptionSystemTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"command-side", "query-side"})
    void theCommittedDescriptionIsTheOnePublished(String name) throws Exception {
        RunningSystem system = RunningSystem.get();
        Application application = name.equals("command-side") ? system.commandSide : system.querySide;
        // read past Application, which would check the answer against the very file this test compares
        HttpResponse<String> published = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(application.baseUrl() + "/v3/api-docs")).build(),
                BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode live = sorted(JSON.readTree(published.body()));
        Path file = ApiDescription.named(name).file;

        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(live) + "\n");
            return;
        }
        assertThat(file).as("%s is missing: %s", file.getFileName(), REGENERATE).isRegularFile();
        JsonNode committed = JSON.readTree(Files.readString(file));
        List<String> differences = new ArrayList<>();
        differences(committed, live, "", differences);
        assertThat(differences).as("docs/openapi/%s differs from what the %s publishes at /v3/api-docs"
                + " (committed -> published); %s", file.getFileName(), name, REGENERATE).isEmpty();
        for (Map.Entry<String, JsonNode> path : live.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                assertThat(operation.getValue().path("summary").asString(""))
                        .as("%s %s of the %s has no summary", operation.getKey(), path.getKey(), name).isNotBlank();
            }
        }
    }

    /** The same tree with the members of every object in alphabetical order. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            new TreeSet<>(node.propertyNames()).forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = JSON.createArrayNode();
            node.forEach(element -> sorted.add(sorted(element)));
            return sorted;
        }
        return node;
    }

    /** Where the two trees differ, as JSON pointers with both values, at most a few. */
    private static void differences(JsonNode committed, JsonNode live, String at, List<String> found) {
        if (found.size() >= 10 || committed.equals(live)) {
            return;
        }
        if (committed.isObject() && live.isObject()) {
            Set<String> names = new TreeSet<>(committed.propertyNames());
            names.addAll(live.propertyNames());
            for (String name : names) {
                differences(committed.path(name), live.path(name), at + "/" + name.replace("~", "~0")
                        .replace("/", "~1"), found);
            }
        } else if (committed.isArray() && live.isArray() && committed.size() == live.size()) {
            for (int i = 0; i < committed.size(); i++) {
                differences(committed.get(i), live.get(i), at + "/" + i, found);
            }
        } else {
            found.add(at + ": " + abbreviated(committed) + " -> " + abbreviated(live));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
