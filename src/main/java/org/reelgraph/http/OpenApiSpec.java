package org.reelgraph.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI 3.1 description of {@code /api}, written by hand (design first) in
 * {@code src/main/resources/openapi.yaml} and served as JSON. Parsed when the server is built, so
 * a broken document stops the start instead of the first request; {@code OpenApiTest} keeps it
 * and the routes and answers in step.
 */
final class OpenApiSpec {
    static final String RESOURCE = "/openapi.yaml";

    private final byte[] json;

    private OpenApiSpec(byte[] json) {
        this.json = json;
    }

    static OpenApiSpec load() {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            JsonNode spec = new YAMLMapper().readTree(in);
            if (!spec.path("openapi").asText().startsWith("3."))
                throw new IllegalStateException(RESOURCE + " is not an OpenAPI 3 document (no 'openapi: 3.x')");
            return new OpenApiSpec(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    byte[] json() {
        return json.clone();
    }
}
