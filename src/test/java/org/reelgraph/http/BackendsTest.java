package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.Optional;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reelgraph.chronology.PublishedChronology;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.RemoteEngine;
import org.reelgraph.store.RemoteStoreException;
import org.reelgraph.store.Store;
import org.reelgraph.testing.FusekiProcess;
import org.reelgraph.testing.VirtuosoServer;
import org.reelgraph.vocab.Iris;

/**
 * The same service over each backend: embedded TDB2 and two remote stores (the standalone Fuseki jar
 * and Debian's Virtuoso 7, each started here as its own process). One engine and one server per
 * backend for the whole class. A missing Fuseki jar fails every test; a missing Virtuoso skips its
 * variant with the reason, except under {@code CI=true}, where it fails too: the suite never shrinks
 * silently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackendsTest {
    enum Backend { EMBEDDED, REMOTE_FUSEKI, REMOTE_VIRTUOSO }

    private static final String FILM = "https://w3id.org/reelgraph/id/film/";
    private static final String RG = "https://w3id.org/reelgraph/ontology#";

    private final Map<Backend, RunningServer> servers = new EnumMap<>(Backend.class);
    private FusekiProcess fuseki;
    /** What filling the empty remote Fuseki took it, in requests. */
    private long fillRequests;
    private VirtuosoServer virtuoso;
    private Store overVirtuoso;
    /** Why the Virtuoso variant cannot run here (locally only; in CI the class fails instead). */
    private Optional<String> noVirtuoso = Optional.empty();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        noVirtuoso = VirtuosoServer.missingOutsideCi();
        servers.put(Backend.EMBEDDED, RunningServer.start(Files.createDirectory(dir.resolve("tdb2"))));
        fuseki = FusekiProcess.start(Files.createDirectory(dir.resolve("fuseki")));
        Store remote = Store.remote(RemoteEndpoints.of(fuseki.queryEndpoint()), Duration.ofSeconds(5));
        servers.put(Backend.REMOTE_FUSEKI, RunningServer.over(remote, b -> {}));
        fillRequests = fuseki.requestsLogged();
        if (noVirtuoso.isEmpty()) {
            virtuoso = VirtuosoServer.start(dir.resolve("virtuoso"));
            overVirtuoso = Store.remote(RemoteEndpoints.of(virtuoso.queryEndpoint(), RemoteEngine.VIRTUOSO), Duration.ofSeconds(5));
            servers.put(Backend.REMOTE_VIRTUOSO, RunningServer.over(overVirtuoso, b -> {}));
        }
    }

    @AfterAll
    void stop() {
        servers.values().forEach(RunningServer::close);
        if (fuseki != null)
            fuseki.close();
        if (virtuoso != null)
            virtuoso.close();
    }

    /** The server over {@code backend}; the Virtuoso variant is skipped, with the reason, where Virtuoso is not installed. */
    private RunningServer server(Backend backend) {
        if (backend == Backend.REMOTE_VIRTUOSO)
            assumeTrue(noVirtuoso.isEmpty(), () -> "remote Virtuoso not tested: " + noVirtuoso.orElse(""));
        return servers.get(backend);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void franchisesAndFilmsAnswerFromTheStore(Backend backend) {
        RunningServer server = server(backend);
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
        RunningServer server = server(backend), embedded = servers.get(Backend.EMBEDDED);
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
        JsonNode chronology = RunningServer.json(server(backend).get("/api/franchises/john-wick/chronology?order=story"));
        List<String> slugs = new ArrayList<>();
        chronology.get("entries").forEach(e -> slugs.add(e.get("slug").asText()));
        assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                "ballerina-2025", "john-wick-chapter-4-2023"), slugs);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCycleWrittenOverTheGraphStoreAnswers409AndTheDerivedGraphAndEtagFollow(Backend backend) {
        RunningServer server = server(backend);
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
            // The Graph Store Protocol allows 200 or 204 for a DELETE: Fuseki answers 204, Virtuoso 200.
            int deleted = server.deleteGraph(cycle).statusCode();
            assertTrue(deleted == 200 || deleted == 204, "DELETE answered " + deleted);
        }
        assertEquals(200, server.get("/api/franchises/john-wick/chronology").statusCode());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStoreWithoutThePublishedChronologyGetsItBackWholeWhenOpened(Backend backend) {
        Store store = server(backend).store();
        Graph before = publishedChronology(store);
        assertTrue(before.size() > 50, "published: " + before.size());
        store.deleteGraph(PublishedChronology.GRAPH);
        try {
            assertEquals(0, publishedChronology(store).size(), "deleting the derived graph is not undone by its own hook");
        } finally {
            // As serve opens a store: remote stores get it one franchise per write here (four writes).
            PublishedChronology.install(store, 1);
        }
        Graph after = publishedChronology(store);
        assertTrue(before.isIsomorphicWith(after), "rebuilt: " + after.size() + " statements, before: " + before.size());
    }

    /** The store's answer (an ASK over a remote store), and inside a write the transaction's own changes. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aGraphIsThereWhenItHasStatementsAndInsideAWriteAsTheWriteLeftIt(Backend backend) {
        Store store = server(backend).store();
        Node g = NodeFactory.createURI("https://example.org/contains-" + backend.name().toLowerCase());
        Node s = NodeFactory.createURI("https://example.org/s"), p = NodeFactory.createURI("https://example.org/p");
        assertTrue(store.read(() -> store.dataset().containsGraph(PublishedChronology.GRAPH)));
        assertFalse(store.read(() -> store.dataset().containsGraph(g)));
        try {
            store.write(() -> {
                store.dataset().add(g, s, p, NodeFactory.createLiteralString("v"));
                assertTrue(store.dataset().containsGraph(g), "added in this write");
            });
            assertTrue(store.read(() -> store.dataset().containsGraph(g)));
            store.write(() -> {
                store.dataset().removeGraph(g);
                assertFalse(store.dataset().containsGraph(g), "dropped in this write");
            });
            assertFalse(store.read(() -> store.dataset().containsGraph(g)));
        } finally {
            store.write(() -> store.dataset().removeGraph(g));
        }
    }

    private static Graph publishedChronology(Store store) {
        return store.read(() -> {
            Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            store.dataset().getGraph(PublishedChronology.GRAPH).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void dumpsRoundTripEveryGraphAsTheEmbeddedStoreHasIt(Backend backend) {
        RunningServer server = server(backend);
        HttpResponse<byte[]> nq = server.sendBytes(server.request("/dumps/reelgraph.nq").GET());
        assertEquals(200, nq.statusCode());
        DatasetGraph dumped = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(nq.body())).lang(Lang.NQUADS).parse(dumped);
        // Counted graph by graph with raw SPARQL at the store, in reelgraph's graphs (Virtuoso has graphs of
        // its own); Virtuoso keeps each RDF 1.2 reifier as four rdf:Statement reification statements.
        String graphs = "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/reelgraph/graph/') && ?g != <https://w3id.org/reelgraph/graph/store-version>)";
        Map<String, Long> stored = counts(server, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } " + graphs + " } GROUP BY ?g");
        if (backend == Backend.REMOTE_VIRTUOSO)
            counts(server, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?r a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> } "
                    + graphs + " } GROUP BY ?g").forEach((g, reifiers) -> stored.merge(g, -3 * reifiers, Long::sum));
        Map<String, Long> inDump = new java.util.TreeMap<>();
        dumped.stream().filter(q -> q.getGraph().getURI().startsWith("https://w3id.org/reelgraph/graph/"))
                .forEach(q -> inDump.merge(q.getGraph().getURI(), 1L, Long::sum));
        assertEquals(stored, inDump);
        HttpResponse<byte[]> reference = servers.get(Backend.EMBEDDED).sendBytes(
                servers.get(Backend.EMBEDDED).request("/dumps/reelgraph.nq").GET());
        DatasetGraph referenceDump = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(reference.body())).lang(Lang.NQUADS).parse(referenceDump);
        // The same graphs, and no others (none of the engine's own).
        assertEquals(graphNames(referenceDump), graphNames(dumped));
        // Dumps are sorted with stable blank-node labels: every source graph (blank nodes and RDF 1.2
        // annotations included) must come back from the remote store as the very same lines.
        for (String name : List.of("data/john-wick", "data/star-wars", "ontology", "review/ballerina-2025-review")) {
            String g = "<https://w3id.org/reelgraph/graph/" + name + "> .";
            List<String> expected = linesOf(reference.body(), g), actual = linesOf(nq.body(), g);
            assertTrue(expected.size() > 10, name);
            assertEquals(expected, actual, name + " over " + backend);
        }
    }

    private static Map<String, Long> counts(RunningServer server, String select) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        server.sparql(select).at("/results/bindings").forEach(row -> counts.put(row.at("/g/value").asText(), row.at("/n/value").asLong()));
        return counts;
    }

    private static java.util.Set<Node> graphNames(DatasetGraph dataset) {
        java.util.Set<Node> names = new java.util.TreeSet<>(java.util.Comparator.comparing(Node::getURI));
        dataset.listGraphNodes().forEachRemaining(names::add);
        return names;
    }

    private static List<String> linesOf(byte[] nquads, String graphEnd) {
        return new String(nquads, java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.endsWith(graphEnd)).toList();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSeedReviewPostedBecomesItsOwnGraph(Backend backend) throws IOException {
        RunningServer server = server(backend);
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

    /**
     * Over a remote store every pattern read is a request: filling the store and posting a review must ask it in
     * blocks (SHACL reads the written nodes ahead, a hundred subjects per request; the gazetteer one predicate per
     * request), not once or more per resource the store knows (about 1,000 here; before the read-ahead `serve --remote`
     * took 725 requests to fill the store and 1,160 per review, now about 60 and 80).
     */
    @Test
    void fillingARemoteStoreAndPostingAReviewAskItInBlocksNotOncePerResource() throws IOException {
        RunningServer server = servers.get(Backend.REMOTE_FUSEKI);
        assertTrue(fillRequests <= 150, "filling the empty store took " + fillRequests + " requests");
        String text = Files.readString(Path.of("seeds", "ballerina-2025-review.txt")) + "\n\nCounted copy.\n";
        long before = fuseki.requestsLogged();
        HttpResponse<String> created = server.send(server.request("/api/reviews").header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "text/plain; charset=utf-8").POST(RunningServer.body(text)));
        long asked = fuseki.requestsLogged() - before;
        assertEquals(201, created.statusCode(), created.body());
        String graph = RunningServer.json(created).get("graph").asText();
        try {
            System.out.printf("remote Fuseki: filling the store took %d requests, posting a review %d%n", fillRequests, asked);
            assertTrue(asked <= 150, "posting a review took " + asked + " requests");
        } finally {
            // The review's graph and its provenance: the backends must go on holding the same statements.
            server.deleteGraph(graph);
            HttpResponse<String> forgotten = server.send(server.request("/reelgraph/update").header("Authorization", "Bearer " + RunningServer.TOKEN)
                    .header("Content-Type", "application/sparql-update")
                    .POST(RunningServer.body("DELETE WHERE { GRAPH <" + Iris.META_GRAPH.getURI() + "> { <" + graph + "> ?p ?o } }")));
            assertEquals(204, forgotten.statusCode(), forgotten.body());
        }
    }

    /** First answers over a remote store read ahead, a request per level, not one per node (a film 31, a franchise 9, the list 45 before). */
    @Test
    void aFilmAndAFranchiseAreReadFromTheRemoteStoreInAFewRequests() {
        RunningServer server = servers.get(Backend.REMOTE_FUSEKI);
        for (var bound : java.util.Map.of("/api/films/alien-1979", 10L, "/api/franchises/alien", 6L, "/api/franchises?limit=3", 15L).entrySet()) {
            long before = fuseki.requestsLogged();
            HttpResponse<String> answer = server.get(bound.getKey());
            long asked = fuseki.requestsLogged() - before;
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(RunningServer.json(servers.get(Backend.EMBEDDED).get(bound.getKey())), RunningServer.json(answer));
            assertTrue(asked <= bound.getValue(), bound.getKey() + " asked the store " + asked + " times");
        }
    }

    /** The JSON API remembers its answers per data version: asked again, it only reads the remote store's version. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/films/ballerina-2025", "/api/franchises/john-wick", "/api/franchises",
            "/api/franchises/john-wick/chronology?order=story"})
    void aRepeatedApiRequestAsksTheRemoteStoreOnlyForItsVersion(String path) {
        RunningServer server = servers.get(Backend.REMOTE_FUSEKI);
        HttpResponse<String> first = server.get(path);
        assertEquals(200, first.statusCode(), first.body());
        long before = fuseki.requestsLogged();
        HttpResponse<String> again = server.get(path);
        long asked = fuseki.requestsLogged() - before;
        assertEquals(first.body(), again.body());
        assertTrue(asked <= 1, path + " asked the store " + asked + " times the second time");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aQueryPostedAsSparqlQueryIsAnswered(Backend backend) {
        RunningServer server = server(backend);
        HttpResponse<String> answer = server.send(server.request("/reelgraph/sparql").timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(RunningServer.body("ASK { GRAPH ?g { <" + FILM + "ballerina-2025> ?p ?o } }")));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(RunningServer.json(answer).get("boolean").asBoolean(), answer.body());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void linkedDataPagesNegotiateTheirFormat(Backend backend) {
        RunningServer server = server(backend);
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

    /**
     * What Virtuoso cannot take as it is: more statements in one graph than its parser takes in one
     * block (sent in blocks), a request over its 10 MB (refused whole, before anything is sent), a
     * triple term that is not the object of rdf:reifies (refused); and a language tag it lower-cases.
     */
    @Test
    void virtuosoTakesBigGraphsInBlocksAndRefusesWholeWhatItCannotHold() {
        assumeTrue(noVirtuoso.isEmpty(), () -> "remote Virtuoso not tested: " + noVirtuoso.orElse(""));
        Node big = NodeFactory.createURI("https://example.org/virtuoso-big"), tooBig = NodeFactory.createURI("https://example.org/virtuoso-too-big");
        Node p = NodeFactory.createURI("https://example.org/p"), s = NodeFactory.createURI("https://example.org/s");
        Node british = NodeFactory.createLiteralLang("colour", "en-GB");
        try {
            overVirtuoso.write(() -> {
                for (int i = 0; i < 6_000; i++)
                    overVirtuoso.dataset().add(big, NodeFactory.createURI("https://example.org/s" + i), p, NodeFactory.createLiteralString("v" + i));
                overVirtuoso.dataset().add(big, s, p, british);
            });
            assertEquals(6_001L, overVirtuoso.read(() -> (long) org.apache.jena.atlas.iterator.Iter.count(
                    overVirtuoso.dataset().find(big, Node.ANY, Node.ANY, Node.ANY))));
            assertEquals(List.of(british), overVirtuoso.read(() -> org.apache.jena.atlas.iterator.Iter.toList(
                    overVirtuoso.dataset().find(big, s, p, Node.ANY)).stream().map(q -> q.getObject()).toList()));

            String filler = "x".repeat(100);
            RemoteStoreException tooLarge = assertThrows(RemoteStoreException.class, () -> overVirtuoso.write(() -> {
                for (int i = 0; i < 100_000; i++)
                    overVirtuoso.dataset().add(tooBig, NodeFactory.createURI("https://example.org/s" + i), p, NodeFactory.createLiteralString(filler + i));
            }));
            assertTrue(tooLarge.getMessage().contains("at most 10 MB"), tooLarge.getMessage());
            assertFalse(overVirtuoso.read(() -> overVirtuoso.dataset().containsGraph(tooBig)));

            Node term = NodeFactory.createTripleTerm(s, p, british);
            RemoteStoreException noTerm = assertThrows(RemoteStoreException.class,
                    () -> overVirtuoso.write(() -> overVirtuoso.dataset().add(tooBig, s, p, term)));
            assertTrue(noTerm.getMessage().contains("no RDF 1.2 triple terms"), noTerm.getMessage());
            assertFalse(overVirtuoso.read(() -> overVirtuoso.dataset().containsGraph(tooBig)));
        } finally {
            overVirtuoso.write(() -> overVirtuoso.dataset().removeGraph(big));
        }
    }
}
