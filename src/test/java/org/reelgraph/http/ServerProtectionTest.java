package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts that really stop queries, body limits, CORS for reads only, problem documents from Fuseki. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerProtectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Four-way cross product of the whole store: hundreds of millions of rows. */
    private static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

    RunningServer server;

    @BeforeAll
    void start(@TempDir Path db) {
        server = RunningServer.start(db, b -> b.timeout(TIMEOUT).maxBody(1 << 20));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aRunawayQueryIsStoppedWithin2xTheTimeoutAnd503WhileOtherQueriesAreAnswered() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> runaway = CompletableFuture.supplyAsync(() ->
                server.get("/reelgraph/sparql?query=" + RunningServer.encode(RUNAWAY), "application/sparql-results+json"));
        Thread.sleep(300);
        // Meanwhile the server keeps answering.
        long quick = System.nanoTime();
        assertTrue(server.sparql("ASK { ?s ?p ?o }").get("boolean").asBoolean());
        assertTrue(Duration.ofNanos(System.nanoTime() - quick).toMillis() < TIMEOUT.toMillis(), "a small query is not held up");
        HttpResponse<String> response = runaway.get();
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(elapsed < 2 * TIMEOUT.toMillis(), "cancelled after " + elapsed + " ms");
        System.out.printf("runaway query: 503 after %d ms (timeout %d ms)%n", elapsed, TIMEOUT.toMillis());
        JsonNode problem = RunningServer.json(response);
        assertEquals(503, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().toLowerCase().contains("timed out"), problem.toString());
    }

    @Test
    void aRunawayUpdateIsStoppedWithin2xTheTimeoutAndWritesNothing() {
        long before = server.store().quadCount();
        String update = "INSERT { GRAPH <https://example.org/runaway> { ?a ?b ?c } } WHERE { " + RUNAWAY.substring(RUNAWAY.indexOf('{') + 1);
        long start = System.nanoTime();
        HttpResponse<String> response = server.send(server.request("/reelgraph/update")
                .header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "application/sparql-update").POST(RunningServer.body(update)));
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(elapsed < 2 * TIMEOUT.toMillis(), "cancelled after " + elapsed + " ms");
        System.out.printf("runaway update: 503 after %d ms (timeout %d ms)%n", elapsed, TIMEOUT.toMillis());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(before, server.store().quadCount(), "the update's transaction was aborted");
    }

    @Test
    void aMalformedQueryIsA400ProblemWithTheParsersPlace() {
        HttpResponse<String> response = server.get("/reelgraph/sparql?query=" + RunningServer.encode("SELECT ?x WHERE {"));
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(RunningServer.json(response).get("detail").asText().contains("line 1, column"), response.body());
    }

    @Test
    void aBodyOverTheLimitIs413AndNothingIsWritten() {
        long before = server.unionTripleCount();
        String big = "<https://example.org/s> <https://example.org/p> \"" + "x".repeat(2 << 20) + "\" .";
        RunningServer.Answer response = server.upload("PUT", "/reelgraph/data?graph=" + RunningServer.encode("https://example.org/too-big"),
                "text/turtle", big.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(413, response.status(), response.body());
        assertEquals("application/problem+json", response.contentType());
        assertTrue(response.body().contains("at most 1048576"), response.body());
        assertEquals(before, server.unionTripleCount());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413TooAndNothingIsWritten() {
        long before = server.unionTripleCount();
        byte[] big = ("<https://example.org/s> <https://example.org/p> \"" + "x".repeat(2 << 20) + "\" .").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // From an InputStream the client cannot know the length: it sends the body chunked, without Content-Length.
        HttpResponse<String> response = server.send(server.request("/reelgraph/data?graph=" + RunningServer.encode("https://example.org/chunked"))
                .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "text/turtle")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(RunningServer.json(response).get("detail").asText().contains("more than 1048576"), response.body());
        assertEquals(before, server.unionTripleCount());
    }

    @Test
    void corsIsOfferedForReadsAndNeverForWrites() {
        HttpResponse<String> query = server.send(server.request("/reelgraph/sparql?query=" + RunningServer.encode("ASK {}"))
                .header("Origin", "https://notebook.example"));
        assertEquals("*", query.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        HttpResponse<String> api = server.send(server.request("/api/franchises").header("Origin", "https://notebook.example"));
        assertEquals("*", api.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        HttpResponse<String> preflightPut = server.send(server.request("/reelgraph/data?default")
                .header("Origin", "https://notebook.example").header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertFalse(preflightPut.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "no CORS for PUT");
        HttpResponse<String> preflightPost = server.send(server.request("/reelgraph/sparql")
                .header("Origin", "https://notebook.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals("*", preflightPost.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertFalse(preflightPost.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));
        HttpResponse<String> update = server.send(server.request("/reelgraph/update").header("Origin", "https://notebook.example")
                .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "application/sparql-update")
                .POST(RunningServer.body("INSERT DATA { GRAPH <https://example.org/cors> { <https://example.org/a> <https://example.org/b> 1 } }")));
        assertEquals(2, update.statusCode() / 100);
        assertFalse(update.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "no CORS on a write");
    }
}
