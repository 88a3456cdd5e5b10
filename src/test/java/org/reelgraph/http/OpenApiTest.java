package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.json} cannot drift from the server: the routes Javalin registered under {@code /api}
 * and the spec's operations are the same set, and real answers of every operation validate against
 * the schema the spec gives for their status and media type, with every object schema closed
 * ({@code additionalProperties: false}) so an undocumented field fails too. {@code /docs} is Swagger
 * UI from this server only.
 */
class OpenApiTest extends AgainstRunningServer {
    private static final String SPEC_IRI = "https://w3id.org/reelgraph/test/openapi.json";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String CYCLE_GRAPH = "https://w3id.org/reelgraph/test/openapi-cycle";

    private JsonNode spec;
    private SchemaRegistry schemas;
    /** The operations ("GET /api/films/{slug}") that {@link #validates} has seen a real answer of. */
    private final Set<String> exercised = new TreeSet<>();

    @BeforeAll
    void readTheServedSpec() {
        HttpResponse<String> response = server.get("/openapi.json");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        spec = RunningServer.json(response);
        ObjectNode strict = spec.deepCopy();
        closeObjects(strict.path("components").path("schemas"));
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(SPEC_IRI, strict.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    @Test
    void everyApiRouteIsInTheSpecAndEveryOperationOfTheSpecIsARoute() {
        Set<String> registered = new TreeSet<>();
        server.routes().stream().filter(r -> r.path().startsWith("/api"))
                .forEach(r -> registered.add(r.method() + " " + r.path()));
        assertTrue(registered.size() >= 5, "the API's routes are reported: " + registered);
        assertEquals(registered, specOperations());
    }

    @Test
    void theSpecServesFromThisServerAndIsOpenToBrowserTools() {
        assertEquals("3.1.0", spec.get("openapi").asText());
        assertEquals("/", spec.at("/servers/0/url").asText());
        HttpResponse<String> cors = server.send(server.request("/openapi.json").header("Origin", "https://editor.example"));
        assertEquals("*", cors.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        specOperations().forEach(op -> assertTrue(spec.at(pointer(op)).has("responses"), op));
    }

    @Test
    void realAnswersOfEveryGetRouteValidateAgainstTheSpec() {
        validates("GET", "/api/franchises", "/api/franchises", 200);
        validates("GET", "/api/franchises", "/api/franchises?limit=2&offset=1", 200);
        validates("GET", "/api/franchises", "/api/franchises?limit=5000", 400);
        validates("GET", "/api/franchises/{slug}", "/api/franchises/john-wick", 200);
        validates("GET", "/api/franchises/{slug}", "/api/franchises/star-wars?offset=3&limit=4", 200);
        validates("GET", "/api/franchises/{slug}", "/api/franchises/no-such-franchise", 404);
        validates("GET", "/api/franchises/{slug}", "/api/franchises/alien?limit=0", 400);
        validates("GET", "/api/franchises/{slug}/chronology", "/api/franchises/john-wick/chronology", 200);
        validates("GET", "/api/franchises/{slug}/chronology", "/api/franchises/john-wick/chronology?order=release&include=all", 200);
        validates("GET", "/api/franchises/{slug}/chronology", "/api/franchises/star-wars/chronology?source=data/star-wars&limit=3", 200);
        validates("GET", "/api/franchises/{slug}/chronology", "/api/franchises/john-wick/chronology?order=sideways", 400);
        validates("GET", "/api/franchises/{slug}/chronology", "/api/franchises/nope/chronology", 404);
        validates("GET", "/api/films/{slug}", "/api/films/ballerina-2025", 200);
        validates("GET", "/api/films/{slug}", "/api/films/alien-1979", 200);
        validates("GET", "/api/films/{slug}", "/api/films/ballerina-2099", 404);

        Set<String> gets = new TreeSet<>(specOperations().stream().filter(op -> op.startsWith("GET ")).toList());
        assertTrue(exercised.containsAll(gets), "every GET operation has been checked: " + gets + " vs " + exercised);
    }

    @Test
    void aConflictAndItsSkippedPlacementsValidateToo() {
        String turtle = "<https://w3id.org/reelgraph/id/film/john-wick-2014> <https://w3id.org/reelgraph/ontology#setAfter> "
                + "<https://w3id.org/reelgraph/id/film/john-wick-chapter-2-2017> .";
        assertEquals(201, server.putGraph(CYCLE_GRAPH, turtle).statusCode());
        try {
            validates("GET", "/api/franchises/{slug}/chronology", "/api/franchises/john-wick/chronology", 409);
            JsonNode skipped = validates("GET", "/api/franchises/{slug}/chronology",
                    "/api/franchises/john-wick/chronology?onConflict=skip-weakest", 200);
            assertFalse(skipped.get("dropped").isEmpty(), "the schema of dropped placements was checked on one");
        } finally {
            assertEquals(204, server.deleteGraph(CYCLE_GRAPH).statusCode());
        }
    }

    @Test
    void postingAReviewAnswersWhatTheSpecSays() {
        String review = """
                Aliens (1986) trades the haunted house for a war film. Director James Cameron keeps the tension
                high, and Sigourney Weaver (as Ripley) carries it.

                Review by Robin Vale
                """;
        JsonNode created = validatesPost(review, "text/plain", true, 201);
        assertTrue(created.get("statements").size() > 0, created.toString());
        validatesPost(review, "text/plain", false, 401);
        validatesPost(review, "application/json", true, 415);
        validatesPost("   ", "text/plain", true, 400);
    }

    @Test
    void theDocsPageIsSwaggerUiServedFromThisServerOnly() {
        HttpResponse<String> page = server.get("/docs");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (m.find())
            assets.add(m.group(1));
        assertTrue(assets.contains("/docs/swagger-ui-bundle.js") && assets.contains("/docs/swagger-ui.css"), assets.toString());
        for (String asset : assets) {
            assertTrue(asset.startsWith("/") && !asset.startsWith("//"), "local, not a CDN: " + asset);
            HttpResponse<String> served = server.get(asset);
            assertEquals(200, served.statusCode(), asset);
            assertFalse(served.body().isEmpty(), asset);
        }
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no absolute URL on the page");
        String script = server.get("/docs/reelgraph-docs.js").body();
        assertTrue(script.contains("url: \"/openapi.json\""), script);
        assertTrue(script.contains("validatorUrl: null"), "Swagger UI's online validator is off");
        assertTrue(server.get("/docs/swagger-ui-bundle.js").headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        HttpResponse<String> other = server.get("/docs/pom.properties");
        assertEquals(404, other.statusCode(), "only the page's own files are served");
        assertTrue(other.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    /** GETs {@code path}, expects {@code status}, and validates the body against the spec's schema for it. */
    private JsonNode validates(String method, String template, String path, int status) {
        return check(method + " " + template, server.get(path), status);
    }

    private JsonNode validatesPost(String text, String type, boolean token, int status) {
        HttpRequest.Builder request = server.request("/api/reviews?source=openapi-test").header("Content-Type", type)
                .POST(RunningServer.body(text));
        if (token)
            request.header("Authorization", "Bearer " + RunningServer.TOKEN);
        return check("POST /api/reviews", server.send(request), status);
    }

    private JsonNode check(String operation, HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), operation + ": " + response.body());
        String type = response.headers().firstValue("Content-Type").orElseThrow().split(";")[0].strip();
        String answer = pointer(operation) + "/responses/" + status;
        // A response may be shared: {$ref: '#/components/responses/NotFound'}.
        if (spec.at(answer).has("$ref"))
            answer = spec.at(answer).get("$ref").asText().substring(1);
        String pointer = answer + "/content/" + escape(type) + "/schema";
        assertFalse(spec.at(pointer).isMissingNode(), operation + " answers " + status + " " + type + ", which the spec does not say");
        Schema schema = schemas.getSchema(SchemaLocation.of(SPEC_IRI + "#" + pointer));
        List<Error> errors = schema.validate(response.body(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), operation + " " + status + " does not match the spec: " + errors + "\n" + response.body());
        exercised.add(operation);
        return RunningServer.json(response);
    }

    /** "GET /api/films/{slug}" for every operation of the spec. */
    private Set<String> specOperations() {
        Set<String> operations = new TreeSet<>();
        spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (OPERATIONS.contains(op.getKey()))
                operations.add(op.getKey().toUpperCase() + " " + path.getKey());
        }));
        return operations;
    }

    /** The JSON pointer of an operation ("GET /api/films/{slug}") in the spec. */
    private static String pointer(String operation) {
        String[] parts = operation.split(" ", 2);
        return "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** additionalProperties: false on every object schema that does not say otherwise. */
    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties"))
                object.put("additionalProperties", false);
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); )
                closeObjects(it.next());
        } else if (node.isArray()) {
            node.forEach(OpenApiTest::closeObjects);
        }
    }
}
