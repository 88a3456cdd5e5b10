package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ReviewIngest;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.RemoteTimeouts;
import org.reelgraph.store.Store;
import org.reelgraph.testing.FusekiProcess;
import org.reelgraph.testing.Isomorphic;

/**
 * The service over a remote store (the standalone Fuseki jar, its own process) that fails, and a
 * second front end over the same store; one store, loaded once, for all of it:
 * <ul>
 * <li>killed (SIGKILL) during a stream of ingests: after the restart over the same TDB2 every review
 *     graph is whole or absent, every acknowledged one present (an ingest is one SPARQL Update);</li>
 * <li>killed (connection refused) and frozen (SIGSTOP: connections accepted, nothing answered): every
 *     route answers 503 problem JSON with {@code Retry-After} within the timeout, {@code /health} says
 *     DOWN, and the very next requests after the store is back answer, without a restart of reelgraph;</li>
 * <li>a second front end as its own OS process: a write through either is seen through the other on
 *     its very next request (film API, chronology, dump ETag), though both cached those answers before.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteFaultsTest {
    /** Short, so the frozen-store test is quick; the request timeout of the store's client defaults to it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Writes wait longer than reads (a write is answered once applied); short here too, the writes are small. */
    private static final Duration WRITES = Duration.ofSeconds(20);
    /** Posted by the streams while the store is killed; one more is posted after it is back. */
    private static final int STREAMED = 8;
    private static final int STREAMS = 2;

    private static final String FILM = "https://w3id.org/reelgraph/id/film/";
    private static final String RG = "https://w3id.org/reelgraph/ontology#";
    private static final List<String> STORY = List.of("john-wick-2014", "john-wick-chapter-2-2017",
            "john-wick-chapter-3-parabellum-2019", "ballerina-2025", "john-wick-chapter-4-2023");
    private static final List<String> MOVED = List.of("john-wick-2014", "john-wick-chapter-2-2017",
            "john-wick-chapter-3-parabellum-2019", "john-wick-chapter-4-2023", "ballerina-2025");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();


    private FusekiProcess fuseki;
    private RunningServer server;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        this.dir = dir;
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
    @Order(2)
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
    @Order(3)
    void aFrozenStoreFailsEveryRequestWithinTheTimeoutAndThawsBack() {
        assertHealthy();
        fuseki.freeze();
        try {
            // The kinds at once (each timed on its own), so the test waits about one timeout, not thirteen; the
            // dump requests one after the other on this thread, since a dump waits for a build of the same file.
            List<HttpRequest.Builder> requests = everyKindOfRequest();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(requests.size());
            List<java.util.concurrent.Future<Timed>> answers = new java.util.ArrayList<>();
            for (HttpRequest.Builder request : requests) {
                java.util.concurrent.Callable<Timed> send = () -> {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = server.send(request);
                    return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
                };
                answers.add(request.build().uri().getPath().startsWith("/dumps/")
                        ? java.util.concurrent.CompletableFuture.completedFuture(send.call()) : pool.submit(send));
            }
            pool.shutdown();
            for (int i = 0; i < requests.size(); i++) {
                HttpRequest.Builder request = requests.get(i);
                Timed timed = answers.get(i).get();
                HttpResponse<String> answer = timed.answer();
                Duration took = timed.took();
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
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            fuseki.thaw();
        }
        assertServesAgain();
    }

    private record Timed(HttpResponse<String> answer, Duration took) {}

    @Test
    @Order(1)
    void aStoreKilledDuringIngestsHoldsEveryReviewGraphWholeOrNotAtAll() throws Exception {
        String seed = Files.readString(Path.of("seeds", "ballerina-2025-review.txt"));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i <= STREAMED; i++)
            texts.add(seed + "\n\nReader copy " + (i + 1) + ".\n");
        Expected expected = expected(texts);

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger(), acknowledged = new AtomicInteger();
        List<Thread> streams = new ArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
            Thread stream = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < STREAMED; ) {
                    HttpResponse<String> answer = server.send(server.request("/api/reviews")
                            .header("Authorization", "Bearer " + RunningServer.TOKEN)
                            .header("Content-Type", "text/plain; charset=utf-8").POST(RunningServer.body(texts.get(i)))
                            // An ingest over a remote store takes seconds, tens of them on a loaded machine.
                            .timeout(Duration.ofMinutes(2)));
                    answers.put(texts.get(i), answer.statusCode());
                    if (answer.statusCode() == 201)
                        acknowledged.incrementAndGet();
                    else
                        assertEquals(503, answer.statusCode(), answer.body());
                }
            }, "ingest-stream-" + s);
            stream.start();
            streams.add(stream);
        }
        while (acknowledged.get() < 2)
            Thread.sleep(20);
        fuseki.kill();
        int killedAt = acknowledged.get();
        Thread.sleep(1_000);
        fuseki.restart();
        for (Thread stream : streams)
            stream.join(Duration.ofMinutes(2).toMillis());
        assertEquals(STREAMED, answers.size(), "every ingest was answered");
        // The same front end ingests again once the store is back, without a restart.
        String after = texts.get(STREAMED);
        HttpResponse<String> again = server.send(server.request("/api/reviews").header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "text/plain; charset=utf-8").POST(RunningServer.body(after)).timeout(Duration.ofMinutes(2)));
        assertEquals(201, again.statusCode(), again.body());
        answers.put(after, 201);
        System.out.printf("kill during ingests: %d of %d acknowledged before the kill%n", killedAt, STREAMED);

    int whole = 0, absent = 0;
    try (Store check = Store.remote(RemoteEndpoints.of(fuseki.queryEndpoint()), Duration.ofSeconds(5))) {
        for (String text : texts) {
            String graph = expected.graphOf().get(text);
            Graph stored = check.read(() -> copy(check.dataset().getGraph(NodeFactory.createURI(graph))));
            if (stored.isEmpty()) {
                absent++;
                assertTrue(answers.get(text) != 201, "acknowledged but missing: " + graph);
            } else {
                whole++;
                assertTrue(Isomorphic.graphs(expected.graphs().get(graph), stored), graph + " is not what the extractor made: "
                        + stored.size() + " statements stored, " + expected.graphs().get(graph).size() + " expected");
            }
        }
    }
    System.out.printf("kill during %d ingests: %d acknowledged, %d graphs whole, %d absent%n",
            texts.size(), acknowledged.get() + 1, whole, absent);
    }

    /** Each text's review graph IRI, and that graph as the extractor makes it in an embedded store loaded the same way. */
    private record Expected(Map<String, String> graphOf, Map<String, Graph> graphs) {}

    private static Expected expected(List<String> texts) {
        Map<String, String> graphOf = new HashMap<>();
        Map<String, Graph> graphs = new HashMap<>();
        try (Store store = Store.inMemory()) {
            Sources sources = new Sources(Path.of("").toAbsolutePath());
            Loader loader = new Loader(store, ShapesCheck.of(sources), Clock.systemUTC());
            loader.load(sources.standard());
            ReviewIngest ingest = new ReviewIngest(store, loader);
            for (String text : texts) {
                String graph = ingest.ingest(text, "POST /api/reviews").graph();
                graphOf.put(text, graph);
                graphs.put(graph, store.read(() -> copy(store.dataset().getGraph(NodeFactory.createURI(graph)))));
            }
        }
        return new Expected(graphOf, graphs);
    }

    private static Graph copy(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        return copy;
    }

    @Test
    @Order(4)
    void aWriteThroughOneFrontEndIsSeenThroughTheOtherOnTheNextRequest() throws IOException {
        RunningServer a = server;
        try (ReelgraphProcess b = ReelgraphProcess.serveRemote(dir.resolve("b"), fuseki.queryEndpoint(), "--timeout", "20")) {
            URI aBase = a.uri(""), bBase = b.uri("");
            // Both answer (and so cache) the chronology, the film and the dump first.
            for (URI base : List.of(aBase, bBase)) {
                assertEquals(STORY, story(base));
                assertEquals(STORY, story(base));
            }
            String bEtag = etag(bBase), aEtag = etag(aBase);
            assertEquals(bEtag, etag(bBase));

            // A review ingested through A (in this JVM) is on B's film page at once; B's dumps move on.
            String review = Files.readString(Path.of("seeds", "ballerina-2025-review.txt")) + "\n\nSeen from the other front end.\n";
            HttpResponse<String> created = send(HttpRequest.newBuilder(aBase.resolve("/api/reviews"))
                    .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(review, StandardCharsets.UTF_8)));
            assertEquals(201, created.statusCode(), created.body());
            String reviewId = RunningServer.json(created).get("review").asText();
            HttpResponse<String> film = get(bBase.resolve("/api/films/ballerina-2025"));
            assertEquals(200, film.statusCode(), film.body());
            assertTrue(film.body().contains(reviewId), "B does not show the review written through A: " + film.body());
            String bEtagAfterReview = etag(bBase);
            assertNotEquals(bEtag, bEtagAfterReview);

            // A placement change through B (its own process, forwarded SPARQL Update) moves A's chronology at once.
            String update = "PREFIX film: <" + FILM + "> PREFIX rg: <" + RG + ">\n"
                    + "DELETE { GRAPH ?g { film:ballerina-2025 ?p ?o } } WHERE { GRAPH ?g { film:ballerina-2025 ?p ?o }"
                    + " FILTER(?p IN (rg:setAfter, rg:setBefore)) } ;\n"
                    + "INSERT DATA { GRAPH <https://example.org/placement> { film:ballerina-2025 rg:setAfter film:john-wick-chapter-4-2023 } }";
            HttpResponse<String> moved = send(HttpRequest.newBuilder(bBase.resolve("/reelgraph/update"))
                    .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update, StandardCharsets.UTF_8)));
            assertEquals(2, moved.statusCode() / 100, moved.body() + "\n" + b.log());
            assertEquals(MOVED, story(aBase), "A's chronology after B moved Ballerina");
            assertEquals(MOVED, story(bBase));
            JsonNode placement = RunningServer.json(get(aBase.resolve("/api/films/ballerina-2025"))).get("placement");
            assertTrue(placement.toString().contains("john-wick-chapter-4-2023"), placement.toString());
            assertTrue(!placement.toString().contains("john-wick-chapter-3"), placement.toString());
            assertNotEquals(aEtag, etag(aBase));
            assertNotEquals(bEtagAfterReview, etag(bBase));
            // Both serve the same dump of the same version now.
            assertEquals(etag(aBase), etag(bBase));
        }
    }

    private List<String> story(URI base) {
        HttpResponse<String> answer = get(base.resolve("/api/franchises/john-wick/chronology?order=story"));
        assertEquals(200, answer.statusCode(), answer.body());
        List<String> slugs = new ArrayList<>();
        RunningServer.json(answer).get("entries").forEach(e -> slugs.add(e.get("slug").asText()));
        return slugs;
    }

    private String etag(URI base) {
        HttpResponse<String> head = send(HttpRequest.newBuilder(base.resolve("/dumps/reelgraph.nq")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        return head.headers().firstValue("ETag").orElseThrow();
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
