package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} against the real server: requests counted per route template (Fuseki's and
 * Javalin's), SPARQL queries timed in a histogram and counted while they run, and the store's
 * statements equal to what SPARQL counts, before and after a write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Four-way cross product of the whole store: runs until the timeout stops it. */
    private static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    private static final String REQUESTS = "http_requests_total";
    private static final String QUERIES = "sparql_query_duration_seconds";

    RunningServer server;

    @BeforeAll
    void start(@TempDir Path db) {
        server = RunningServer.start(db, b -> b.timeout(TIMEOUT));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theScrapeIsPrometheusTextWithTheFourMetrics() {
        HttpResponse<String> response = server.get("/metrics");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        PrometheusText metrics = PrometheusText.parse(response.body());
        assertEquals("counter", metrics.types().get(REQUESTS));
        assertEquals("histogram", metrics.types().get(QUERIES));
        assertEquals("gauge", metrics.types().get("sparql_active_queries"));
        assertEquals("gauge", metrics.types().get("store_triples"));
    }

    @Test
    void requestsAreCountedExactlyByRouteTemplateMethodAndStatus() {
        PrometheusText before = scrape();
        for (String film : List.of("ballerina-2025", "alien-1979", "aliens-1986"))
            assertEquals(200, server.get("/api/films/" + film).statusCode());
        assertEquals(404, server.get("/api/films/no-such-film").statusCode());
        assertEquals(404, server.get("/api/films/nor-this-one").statusCode());
        assertEquals(404, server.get("/nothing/here/at-all").statusCode());
        assertEquals(404, server.get("/reelgraph/no-such-endpoint").statusCode());
        assertEquals(200, server.get("/id/film/ballerina-2025", "text/turtle").statusCode());
        server.sparql("ASK { ?s ?p ?o }");
        server.sparql("SELECT * { ?s ?p ?o } LIMIT 1");
        HttpResponse<String> post = server.send(server.request("/reelgraph/query").header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json").POST(RunningServer.body("ASK {}")));
        assertEquals(200, post.statusCode());
        // A request is counted when its handling ends, which may be just after the client has the answer.
        PrometheusText after = scrapeWhen(m -> delta(before, m, "/reelgraph/query", "POST", "200") >= 1);

        assertEquals(3, delta(before, after, "/api/films/{slug}", "GET", "200"), "three films, one route");
        assertEquals(2, delta(before, after, "/api/films/{slug}", "GET", "404"));
        assertEquals(2, delta(before, after, RouteTemplates.UNMATCHED, "GET", "404"), "unknown paths share one label");
        assertEquals(1, delta(before, after, "/id/{kind}/{slug}", "GET", "200"));
        assertEquals(2, delta(before, after, "/reelgraph/sparql", "GET", "200"), "Fuseki's requests are counted too");
        assertEquals(1, delta(before, after, "/reelgraph/query", "POST", "200"));
        assertTrue(delta(before, after, "/metrics", "GET", "200") >= 1, "scrapes are counted once answered");
        for (PrometheusText.Sample sample : after.named(REQUESTS))
            assertFalse(sample.labels().get("route").contains("ballerina") || sample.labels().get("route").contains("no-such"),
                    "a route label is a template, never a raw path: " + sample);
    }

    @Test
    void sparqlQueriesAreTimedInBucketsAndCountedWhileTheyRun() throws Exception {
        PrometheusText before = scrape();
        server.sparql("ASK { ?s ?p ?o }");
        assertEquals(200, server.get("/reelgraph/sparql", "text/turtle").statusCode(), "the service description");
        CompletableFuture<HttpResponse<String>> runaway = CompletableFuture.supplyAsync(() ->
                server.get("/reelgraph/sparql?query=" + RunningServer.encode(RUNAWAY), "application/sparql-results+json"));
        assertEquals(1, scrapeWhen(m -> m.value("sparql_active_queries") > 0).value("sparql_active_queries"),
                "the runaway query is in flight");
        assertEquals(503, runaway.get().statusCode(), "stopped by the timeout");
        PrometheusText after = scrapeWhen(m -> m.value("sparql_active_queries") == 0);

        assertEquals(2, after.value(QUERIES + "_count") - before.value(QUERIES + "_count"),
                "two queries; a GET without a query is no query");
        assertTrue(after.value(QUERIES + "_sum") - before.value(QUERIES + "_sum") >= TIMEOUT.toSeconds());
        List<PrometheusText.Sample> buckets = after.named(QUERIES + "_bucket");
        assertTrue(buckets.size() >= 10, "classic buckets: " + buckets);
        double bound = Double.NEGATIVE_INFINITY;
        double count = 0;
        for (PrometheusText.Sample bucket : buckets) {
            double le = Double.parseDouble(bucket.labels().get("le").replace("+Inf", "Infinity"));
            assertTrue(le > bound, "bounds increase");
            assertTrue(bucket.value() >= count, "buckets are cumulative");
            bound = le;
            count = bucket.value();
        }
        assertEquals(Double.POSITIVE_INFINITY, bound);
        assertEquals(after.value(QUERIES + "_count"), count, "+Inf holds every query");
        assertEquals(1, after.value(QUERIES + "_bucket", "le", "+Inf") - after.value(QUERIES + "_bucket", "le", "1.0")
                - (before.value(QUERIES + "_bucket", "le", "+Inf") - before.value(QUERIES + "_bucket", "le", "1.0")),
                "only the runaway query took more than a second");
    }

    @Test
    void storeTriplesIsWhatSparqlCountsBeforeAndAfterAWrite() {
        long counted = statementsBySparql();
        assertEquals(counted, (long) scrape().value("store_triples"));
        assertEquals(counted, (long) scrape().value("store_triples"), "the same between writes");
        String graph = "https://w3id.org/reelgraph/test/metrics";
        assertEquals(201, server.putGraph(graph, """
                <https://example.org/a> <https://example.org/p> 1, 2, 3 .
                """).statusCode());
        try {
            long written = (long) scrape().value("store_triples");
            assertEquals(statementsBySparql(), written);
            assertEquals(counted + 3, written);
        } finally {
            assertEquals(204, server.deleteGraph(graph).statusCode());
        }
        assertEquals(counted, (long) scrape().value("store_triples"));
    }

    private long statementsBySparql() {
        return server.sparql("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").at("/results/bindings/0/n/value").asLong();
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = server.get("/metrics");
        assertEquals(200, response.statusCode());
        return PrometheusText.parse(response.body());
    }

    /** Scrapes until {@code condition} holds (at most 5 s): the answer is sent a moment before the filter counts it. */
    private PrometheusText scrapeWhen(Predicate<PrometheusText> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        PrometheusText metrics = scrape();
        while (!condition.test(metrics) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            metrics = scrape();
        }
        assertTrue(condition.test(metrics), "not within 5 s");
        return metrics;
    }

    private static double delta(PrometheusText before, PrometheusText after, String route, String method, String status) {
        return after.value(REQUESTS, "route", route, "method", method, "status", status)
                - before.value(REQUESTS, "route", route, "method", method, "status", status);
    }
}
