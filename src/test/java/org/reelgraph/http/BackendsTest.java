package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.Store;
import org.reelgraph.testing.StandaloneFuseki;

/**
 * The same service over each backend: embedded TDB2 and a remote store (the standalone Fuseki jar,
 * started here as its own process). One engine and one server per backend for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackendsTest {
    enum Backend { EMBEDDED, REMOTE_FUSEKI }

    private static final String FILM = "https://w3id.org/reelgraph/id/film/";
    private static final String RG = "https://w3id.org/reelgraph/ontology#";

    private final Map<Backend, RunningServer> servers = new EnumMap<>(Backend.class);
    private StandaloneFuseki fuseki;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        servers.put(Backend.EMBEDDED, RunningServer.start(Files.createDirectory(dir.resolve("tdb2"))));
        fuseki = StandaloneFuseki.start(Files.createDirectory(dir.resolve("fuseki")));
        Store remote = Store.remote(RemoteEndpoints.of(fuseki.queryEndpoint()), Duration.ofSeconds(5));
        servers.put(Backend.REMOTE_FUSEKI, RunningServer.over(remote, b -> {}));
    }

    @AfterAll
    void stop() {
        servers.values().forEach(RunningServer::close);
        if (fuseki != null)
            fuseki.close();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void franchisesAndFilmsAnswerFromTheStore(Backend backend) {
        RunningServer server = servers.get(backend);
        JsonNode franchises = RunningServer.json(server.get("/api/franchises"));
        List<String> slugs = new ArrayList<>();
        franchises.forEach(f -> slugs.add(f.get("slug").asText()));
        assertEquals(List.of("alien", "john-wick", "star-wars", "wizarding-world"), slugs);
        HttpResponse<String> film = server.get("/api/films/ballerina-2025");
        assertEquals(200, film.statusCode(), film.body());
        assertTrue(film.body().contains("len-wiseman"), film.body());
        assertTrue(film.body().contains("ana-de-armas"), film.body());
        assertEquals(RunningServer.json(servers.get(Backend.EMBEDDED).get("/api/franchises/john-wick")),
                RunningServer.json(server.get("/api/franchises/john-wick")));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void healthAndMetricsCountWhatTheEmbeddedStoreCounts(Backend backend) {
        RunningServer server = servers.get(backend), embedded = servers.get(Backend.EMBEDDED);
        JsonNode health = RunningServer.json(server.get("/health"));
        assertEquals("UP", health.get("status").asText());
        assertEquals(RunningServer.json(embedded.get("/health")).get("graphs"), health.get("graphs"));
        assertEquals(storeTriples(embedded), storeTriples(server));
    }

    private static String storeTriples(RunningServer server) {
        return server.get("/metrics").body().lines().filter(l -> l.startsWith("store_triples ")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storyOrderPlacesBallerinaBetweenChapterThreeAndFour(Backend backend) {
        JsonNode chronology = RunningServer.json(servers.get(backend).get("/api/franchises/john-wick/chronology?order=story"));
        List<String> slugs = new ArrayList<>();
        chronology.get("entries").forEach(e -> slugs.add(e.get("slug").asText()));
        assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                "ballerina-2025", "john-wick-chapter-4-2023"), slugs);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCycleWrittenOverTheGraphStoreAnswers409AndTheDerivedGraphAndEtagFollow(Backend backend) {
        RunningServer server = servers.get(backend);
        String cycle = "https://example.org/cycle-" + backend.name().toLowerCase();
        String etag = server.send(server.request("/dumps/reelgraph.nq").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()))
                .headers().firstValue("ETag").orElseThrow();
        assertEquals(201, server.putGraph(cycle, "<" + FILM + "john-wick-2014> <" + RG + "setAfter> <" + FILM
                + "john-wick-chapter-4-2023> .").statusCode());
        try {
            HttpResponse<String> conflict = server.get("/api/franchises/john-wick/chronology");
            assertEquals(409, conflict.statusCode(), conflict.body());
            assertTrue(conflict.body().contains(cycle), conflict.body());
            // The published chronology (derived graph) says so too, and the dumps have a new version.
            assertTrue(server.sparql("ASK { GRAPH <https://w3id.org/reelgraph/graph/derived/chronology> { ?c <" + RG
                    + "hasConflict> true } }").get("boolean").asBoolean());
            String after = server.send(server.request("/dumps/reelgraph.nq").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()))
                    .headers().firstValue("ETag").orElseThrow();
            assertNotEquals(etag, after);
        } finally {
            assertEquals(204, server.deleteGraph(cycle).statusCode());
        }
        assertEquals(200, server.get("/api/franchises/john-wick/chronology").statusCode());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void dumpsRoundTripEveryGraphAsTheEmbeddedStoreHasIt(Backend backend) {
        RunningServer server = servers.get(backend);
        HttpResponse<byte[]> nq = server.sendBytes(server.request("/dumps/reelgraph.nq").GET());
        assertEquals(200, nq.statusCode());
        DatasetGraph dumped = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(nq.body())).lang(Lang.NQUADS).parse(dumped);
        long stored = server.sparql("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(?g != <https://w3id.org/reelgraph/graph/store-version>) }").at("/results/bindings/0/n/value").asLong();
        assertEquals(stored, dumped.stream().count());
        HttpResponse<byte[]> reference = servers.get(Backend.EMBEDDED).sendBytes(
                servers.get(Backend.EMBEDDED).request("/dumps/reelgraph.nq").GET());
        // Dumps are sorted with stable blank-node labels: every source graph (blank nodes and RDF 1.2
        // annotations included) must come back from the remote store as the very same lines.
        for (String name : List.of("data/john-wick", "data/star-wars", "ontology", "review/ballerina-2025-review")) {
            String g = "<https://w3id.org/reelgraph/graph/" + name + "> .";
            List<String> expected = linesOf(reference.body(), g), actual = linesOf(nq.body(), g);
            assertTrue(expected.size() > 10, name);
            assertEquals(expected, actual, name + " over " + backend);
        }
    }

    private static List<String> linesOf(byte[] nquads, String graphEnd) {
        return new String(nquads, java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.endsWith(graphEnd)).toList();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSeedReviewPostedBecomesItsOwnGraph(Backend backend) throws IOException {
        RunningServer server = servers.get(backend);
        String text = Files.readString(Path.of("seeds", "ballerina-2025-review.txt"));
        HttpResponse<String> created = server.send(server.request("/api/reviews").header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "text/plain; charset=utf-8").POST(RunningServer.body(text)));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = RunningServer.json(created);
        String graph = body.get("graph").asText();
        try {
            assertTrue(server.sparql("ASK { GRAPH <" + graph + "> { <" + FILM + "ballerina-2025> <" + RG
                    + "directedBy> <https://w3id.org/reelgraph/id/person/len-wiseman> } }").get("boolean").asBoolean());
            assertTrue(server.get("/api/films/ballerina-2025").body().contains(body.get("review").asText()));
        } finally {
            server.deleteGraph(graph);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void linkedDataPagesNegotiateTheirFormat(Backend backend) {
        RunningServer server = servers.get(backend);
        HttpResponse<String> turtle = server.get("/id/film/ballerina-2025", "text/turtle");
        assertEquals(200, turtle.statusCode(), turtle.body());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle.body(), Lang.TURTLE).parse(g);
        assertTrue(g.contains(NodeFactory.createURI(FILM + "ballerina-2025"), RDFS.label.asNode(), Node.ANY));
        HttpResponse<String> html = server.get("/id/film/ballerina-2025", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("Ballerina"));
        assertEquals(200, server.get("/id/film/ballerina-2025", "application/ld+json").statusCode());
        assertEquals(404, server.get("/id/film/no-such-film-1900", "text/turtle").statusCode());
    }
}
