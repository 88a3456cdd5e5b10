package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    private static final String LOADED_AT = """
            SELECT ?t { GRAPH <https://w3id.org/reelgraph/graph/meta> {
              <https://w3id.org/reelgraph/graph/data/john-wick> <http://www.w3.org/ns/prov#generatedAtTime> ?t } }
            """;

    @Test
    void restartOnTheSameTdb2DirectoryKeepsTheDataWithoutReloading(@TempDir Path db) {
        long triples;
        String loadedAt;
        String written = "INSERT DATA { GRAPH <https://w3id.org/reelgraph/test/kept> { <urn:a> <urn:b> \"survives\" } }";
        try (RunningServer first = RunningServer.start(db)) {
            triples = first.unionTripleCount();
            loadedAt = first.sparql(LOADED_AT).at("/results/bindings/0/t/value").asText();
            var response = first.send(first.request("/reelgraph/update").header("Authorization", "Bearer " + RunningServer.TOKEN)
                    .header("Content-Type", "application/sparql-update").POST(RunningServer.body(written)));
            assertEquals(2, response.statusCode() / 100, response.body());
        }
        try (RunningServer second = RunningServer.start(db)) {
            assertEquals(triples + 1, second.unionTripleCount());
            assertEquals(loadedAt, second.sparql(LOADED_AT).at("/results/bindings/0/t/value").asText(), "not reloaded");
            assertEquals(200, second.get("/api/films/ballerina-2025").statusCode());
        }
    }
}
