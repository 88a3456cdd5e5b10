package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPARQL 1.1 Protocol §2.2.3: {@code using-graph-uri}/{@code using-named-graph-uri} together with
 * {@code USING}, {@code USING NAMED} or {@code WITH} in the update is a 400 problem, decided before
 * anything runs; the parameters alone still work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdateDatasetConflictTest {
    private static final long MAX_BODY = 64 * 1024;
    private static final String GRAPH = "https://w3id.org/reelgraph/test/conflict";
    private static final String OTHER = "https://w3id.org/reelgraph/test/conflict-other";
    private static final String WRITTEN = "ASK { GRAPH ?g { <urn:reelgraph:test:s> ?p ?o } }";
    /** A harmless first operation, then a conflicting one: neither may run. */
    private static final String INSERT_THEN_WITH = "INSERT DATA { GRAPH <" + GRAPH + "> { <urn:reelgraph:test:s> <urn:reelgraph:test:p> 1 } } ;\n"
            + "WITH <" + GRAPH + "> DELETE { ?s ?p ?o } INSERT { ?s ?p 2 } WHERE { ?s ?p ?o }";

    private RunningServer server;

    @BeforeAll
    void start(@TempDir Path db) {
        server = RunningServer.start(db, b -> b.maxBody(MAX_BODY));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @AfterEach
    void cleanUp() {
        HttpResponse<String> response = update("/reelgraph/update", "DROP SILENT GRAPH <" + GRAPH + "> ; DROP SILENT GRAPH <" + OTHER + ">");
        assertEquals(204, response.statusCode(), response.body());
    }

    @Test
    void usingNamedGraphUriWithAWithClauseIs400AndRunsNoOperation() {
        long before = server.unionTripleCount();
        HttpResponse<String> response = update("/reelgraph/update?using-named-graph-uri=" + RunningServer.encode(OTHER), INSERT_THEN_WITH);
        JsonNode problem = problem(response, 400);
        assertTrue(problem.get("detail").asText().contains("operation 2 of the update uses WITH <" + GRAPH + ">"), problem.toString());
        assertTrue(problem.get("detail").asText().contains("2.2.3"), problem.toString());
        assertEquals("/reelgraph/update", problem.get("instance").asText());
        assertFalse(ask(WRITTEN), "the INSERT DATA before the conflict did not run");
        assertEquals(before, server.unionTripleCount());
    }

    @Test
    void usingGraphUriInAFormToTheDatasetUrlWithAUsingClauseIs400() {
        String update = "DELETE { ?s ?p ?o } USING <" + GRAPH + "> WHERE { ?s ?p ?o }";
        HttpResponse<String> response = server.send(server.request("/reelgraph").header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(RunningServer.body("using-graph-uri=" + RunningServer.encode(OTHER) + "&update=" + RunningServer.encode(update))));
        assertTrue(problem(response, 400).get("detail").asText().contains("uses USING <" + GRAPH + ">"), response.body());
    }

    @Test
    void usingNamedClauseWithTheParameterInTheUrlOfAFormIs400() {
        String update = "INSERT { GRAPH <" + OTHER + "> { ?s ?p ?o } } USING NAMED <" + GRAPH + "> WHERE { GRAPH ?g { ?s ?p ?o } }";
        HttpResponse<String> response = server.send(server.request("/reelgraph/update?using-graph-uri=" + RunningServer.encode(OTHER))
                .header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(RunningServer.body("update=" + RunningServer.encode(update))));
        assertTrue(problem(response, 400).get("detail").asText().contains("uses USING NAMED <" + GRAPH + ">"), response.body());
    }

    @Test
    void aGzippedBodyIsCheckedToo() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(INSERT_THEN_WITH.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = server.send(server.request("/reelgraph/update?using-graph-uri=" + RunningServer.encode(OTHER))
                .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "application/sparql-update")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())));
        problem(response, 400);
        assertFalse(ask(WRITTEN));
    }

    @Test
    void theParametersWithoutAClauseStillSetTheDataset() {
        assertEquals(201, server.putGraph(GRAPH, "<urn:reelgraph:test:s> <urn:reelgraph:test:p> 1 .").statusCode());
        // The body is read for the check and handed on intact: the WHERE sees only the using-graph-uri graph.
        String update = "INSERT { GRAPH <" + OTHER + "> { ?s ?p 2 } } WHERE { ?s ?p 1 }";
        HttpResponse<String> response = update("/reelgraph/update?using-graph-uri=" + RunningServer.encode(GRAPH), update);
        assertEquals(204, response.statusCode(), response.body());
        assertTrue(ask("ASK { GRAPH <" + OTHER + "> { <urn:reelgraph:test:s> <urn:reelgraph:test:p> 2 } }"));
    }

    @Test
    void aClauseWithoutTheParametersIsNoConflict() {
        assertEquals(201, server.putGraph(GRAPH, "<urn:reelgraph:test:s> <urn:reelgraph:test:p> 1 .").statusCode());
        HttpResponse<String> response = update("/reelgraph/update", "WITH <" + GRAPH + "> DELETE { ?s ?p 1 } INSERT { ?s ?p 2 } WHERE { ?s ?p 1 }");
        assertEquals(204, response.statusCode(), response.body());
        assertTrue(ask("ASK { GRAPH <" + GRAPH + "> { <urn:reelgraph:test:s> <urn:reelgraph:test:p> 2 } }"));
    }

    @Test
    void aSyntaxErrorWithTheParametersIsStillFusekisSyntaxProblem() {
        HttpResponse<String> response = update("/reelgraph/update?using-graph-uri=" + RunningServer.encode(GRAPH), "WITH <x> DELETE {");
        assertTrue(problem(response, 400).get("detail").asText().contains("line 1"), response.body());
    }

    @Test
    void aConflictWithoutTheTokenIs401() {
        HttpResponse<String> response = server.send(server.request("/reelgraph/update?using-named-graph-uri=" + RunningServer.encode(OTHER))
                .header("Content-Type", "application/sparql-update").POST(RunningServer.body(INSERT_THEN_WITH)));
        problem(response, 401);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "# " + "x".repeat((int) MAX_BODY) + "\n" + INSERT_THEN_WITH;
        // Chunked (no Content-Length): the limit is met while this filter reads the body.
        HttpResponse<String> response = server.send(server.request("/reelgraph/update?using-graph-uri=" + RunningServer.encode(OTHER))
                .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        problem(response, 413);
        assertFalse(ask(WRITTEN));
    }

    @Test
    void conflictIsFoundInAnyOperationAndNamesTheClause() {
        assertEquals("The request gives using-graph-uri/using-named-graph-uri and operation 1 of the update uses USING <urn:g>; "
                        + "SPARQL 1.1 Protocol (2.2.3) does not allow both. Drop the parameters or the clause.",
                UpdateDatasetConflict.conflict("DELETE { ?s ?p ?o } USING <urn:g> WHERE { ?s ?p ?o }").orElseThrow());
        assertTrue(UpdateDatasetConflict.conflict("CLEAR SILENT GRAPH <urn:a> ; DELETE WHERE { ?s ?p ?o } ; "
                + "INSERT { ?s ?p ?o } USING NAMED <urn:g> WHERE { GRAPH ?g { ?s ?p ?o } }").orElseThrow().contains("operation 3"));
        assertTrue(UpdateDatasetConflict.conflict("INSERT DATA { <urn:s> <urn:p> 1 } ; DELETE WHERE { ?s ?p ?o } ; "
                + "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }").isEmpty());
        assertTrue(UpdateDatasetConflict.conflict("not SPARQL").isEmpty(), "a syntax error is Fuseki's to report");
    }

    private HttpResponse<String> update(String path, String update) {
        return server.send(server.request(path).header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "application/sparql-update").POST(RunningServer.body(update)));
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"), response.headers().toString());
        JsonNode problem = RunningServer.json(response);
        assertEquals(status, problem.get("status").asInt());
        return problem;
    }

    private boolean ask(String query) {
        return server.sparql(query).get("boolean").asBoolean();
    }
}
