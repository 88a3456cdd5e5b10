package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.RemoteTimeouts;
import org.reelgraph.store.Store;
import org.reelgraph.testing.FusekiProcess;

/**
 * The service over a remote store that fails: killed (connection refused), frozen (connections
 * accepted, nothing answered). Every route answers 503 problem JSON with {@code Retry-After} within
 * the timeout, {@code /health} says DOWN, and when the store is back the very next requests answer
 * again, without a restart of reelgraph.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteFaultsTest {
    /** Short, so the frozen-store test is quick; the request timeout of the store's client defaults to it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Writes wait longer than reads (a write is answered once applied); short here too, the writes are small. */
    private static final Duration WRITES = Duration.ofSeconds(6);

    private FusekiProcess fuseki;
    private RunningServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        fuseki = FusekiProcess.start(Files.createDirectory(dir.resolve("fuseki")));
        RemoteStores.load(fuseki.queryEndpoint());
        Store remote = Store.remote(RemoteEndpoints.of(fuseki.queryEndpoint()), new RemoteTimeouts(Duration.ofSeconds(2), TIMEOUT, WRITES));
        server = RunningServer.over(remote, b -> b.timeout(TIMEOUT));
    }

    @AfterAll
    void stop() {
        if (server != null)
            server.close();
        if (fuseki != null)
            fuseki.close();
    }

    /** Reads, Linked Data, dumps, SPARQL, and writes: each as a user of that route sends it. */
    private List<HttpRequest.Builder> everyKindOfRequest() {
        return List.of(
                server.request("/api/franchises").GET(),
                server.request("/api/films/ballerina-2025").GET(),
                server.request("/api/franchises/john-wick/chronology?order=story").GET(),
                server.request("/id/film/ballerina-2025").header("Accept", "text/turtle").GET(),
                server.request("/id/film/ballerina-2025").header("Accept", "text/html").GET(),
                server.request("/dumps/reelgraph.nt").GET(),
                server.request("/dumps/reelgraph.ttl.gz").method("HEAD", HttpRequest.BodyPublishers.noBody()),
                server.request("/metrics").GET(),
                server.request("/reelgraph/sparql?query=" + RunningServer.encode("ASK { ?s ?p ?o }"))
                        .header("Accept", "application/sparql-results+json").GET(),
                server.request("/reelgraph/sparql").header("Content-Type", "application/sparql-query")
                        .POST(RunningServer.body("SELECT * { ?s ?p ?o } LIMIT 1")),
                server.request("/reelgraph/update").header("Authorization", "Bearer " + RunningServer.TOKEN)
                        .header("Content-Type", "application/sparql-update")
                        .POST(RunningServer.body("INSERT DATA { GRAPH <https://example.org/g> { <urn:a> <urn:b> <urn:c> } }")),
                server.request("/reelgraph/data?graph=" + RunningServer.encode("https://example.org/g")).GET(),
                server.request("/api/reviews").header("Authorization", "Bearer " + RunningServer.TOKEN)
                        .header("Content-Type", "text/plain; charset=utf-8").POST(RunningServer.body(seedReview())));
    }

    private static String seedReview() {
        try {
            return Files.readString(Path.of("seeds", "ballerina-2025-review.txt")) + "\n\nRead while the store was down.\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertUnavailable(HttpRequest.Builder sent, HttpResponse<String> answer) {
        String what = sent.build().method() + " " + sent.build().uri() + " -> " + answer.statusCode() + " " + answer.body();
        assertEquals(503, answer.statusCode(), what);
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), what);
        if (sent.build().method().equals("HEAD"))
            return;
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what);
        JsonNode problem = RunningServer.json(answer);
        assertEquals(503, problem.get("status").asInt(), what);
        assertTrue(problem.get("detail").asText().contains("cannot be reached"), what);
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat ") || answer.body().contains("java."), what);
    }

    private void assertHealthy() {
        HttpResponse<String> health = server.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", RunningServer.json(health).get("status").asText());
    }

    private void assertHealthDown() {
        HttpResponse<String> health = server.get("/health");
        assertEquals(503, health.statusCode(), health.body());
        JsonNode body = RunningServer.json(health);
        assertEquals("DOWN", body.get("status").asText(), health.body());
        assertFalse(body.get("reachable").asBoolean(), health.body());
        assertTrue(body.get("store").asText().contains(fuseki.queryEndpoint()), health.body());
        assertTrue(health.headers().firstValue("Retry-After").isPresent());
    }

    /** The first requests after the store returns already answer: no stuck state, no restart. */
    private void assertServesAgain() {
        assertHealthy();
        assertEquals(200, server.get("/api/films/ballerina-2025").statusCode());
        assertEquals(200, server.get("/api/franchises/john-wick/chronology").statusCode());
        assertEquals(200, server.get("/id/film/ballerina-2025", "text/turtle").statusCode());
        assertEquals(200, server.send(server.request("/dumps/reelgraph.nt").method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
        assertTrue(server.sparql("ASK { GRAPH ?g { ?s ?p ?o } }").get("boolean").asBoolean());
    }

    @Test
    void aStoppedStoreAnswers503ProblemsWithRetryAfterAndTheServiceRecoversWhenItIsBack() {
        assertHealthy();
        fuseki.kill();
        try {
            for (HttpRequest.Builder request : everyKindOfRequest())
                assertUnavailable(request, server.send(request));
            assertHealthDown();
        } finally {
            fuseki.restart();
        }
        assertServesAgain();
    }

    @Test
    void aFrozenStoreFailsEveryRequestWithinTheTimeoutAndThawsBack() {
        assertHealthy();
        fuseki.freeze();
        try {
            for (HttpRequest.Builder request : everyKindOfRequest()) {
                long start = System.nanoTime();
                HttpResponse<String> answer = server.send(request);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertUnavailable(request, answer);
                // One remote request runs into its timeout, then the answer is written: nothing waits for a second one.
                // A forwarded write waits for the (longer) update timeout; a posted review fails at its first read.
                boolean write = request.build().uri().getPath().endsWith("/update");
                assertTrue(took.compareTo((write ? WRITES : TIMEOUT).plusSeconds(2)) < 0, request.build().uri() + " took " + took);
                System.out.printf("frozen store: %s %s answered %d in %d ms%n", request.build().method(), request.build().uri().getPath(),
                        answer.statusCode(), took.toMillis());
            }
            long start = System.nanoTime();
            assertHealthDown();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(TIMEOUT.plusSeconds(2)) < 0);
        } finally {
            fuseki.thaw();
        }
        assertServesAgain();
    }
}
