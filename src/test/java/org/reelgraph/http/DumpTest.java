package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.reelgraph.testing.Isomorphic;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reelgraph.vocab.Iris;

class DumpTest extends AgainstRunningServer {
    private static final String DUPLICATE_GRAPH = "https://w3id.org/reelgraph/test/duplicate";
    private static final String ANNOTATED_GRAPH = "https://w3id.org/reelgraph/test/annotated";

    @BeforeAll
    void addADuplicateAndAnAnnotation() {
        // The same triple in a second graph: the union dump must hold it once.
        String duplicate = "<https://w3id.org/reelgraph/id/film/ballerina-2025> <https://w3id.org/reelgraph/ontology#directedBy> "
                + "<https://w3id.org/reelgraph/id/person/len-wiseman> .";
        assertEquals(201, server.putGraph(DUPLICATE_GRAPH, duplicate).statusCode());
        // An RDF 1.2 annotation: in N-Quads and TriG, not in the plain RDF 1.1 union dumps.
        String annotated = """
                @prefix rg: <https://w3id.org/reelgraph/ontology#> .
                <https://w3id.org/reelgraph/id/film/ballerina-2025> rg:directedBy <https://w3id.org/reelgraph/id/person/len-wiseman>
                    {| rg:quote "Director Len Wiseman" ; rg:start 2469 ; rg:end 2489 |} .
                """;
        assertEquals(201, server.putGraph(ANNOTATED_GRAPH, annotated).statusCode());
    }

    @Test
    void turtleDumpParsesBackToTheUnionOfTheStore() {
        HttpResponse<String> response = server.get("/dumps/reelgraph.ttl");
        assertEquals(200, response.statusCode());
        assertEquals("text/turtle; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow().toLowerCase().replace(";charset", "; charset"));
        assertTrue(response.headers().firstValue("Content-Disposition").orElseThrow().contains("filename=\"reelgraph.ttl\""));
        Graph parsed = parse(response.body(), Lang.TURTLE);
        assertTrue(Isomorphic.graphs(unionFacts(), parsed), "the Turtle dump is the union of facts");
        assertTrue(response.body().contains("PREFIX rg: <https://w3id.org/reelgraph/ontology#>"), "uses prefixes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nt", "jsonld"})
    void unionDumpsAreTheUnionOfFactsWithoutAnnotations(String extension) {
        HttpResponse<String> response = server.get("/dumps/reelgraph." + extension);
        assertEquals(200, response.statusCode());
        Graph parsed = parse(response.body(), extension.equals("nt") ? Lang.NTRIPLES : Lang.JSONLD);
        assertTrue(Isomorphic.graphs(unionFacts(), parsed), extension + " dump is the union of facts");
        assertFalse(response.body().contains("reifies"), "no annotations");
    }

    @Test
    void nTriplesDumpCountsEachTripleOnce() {
        long distinctFacts = server.sparql("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } "
                + "FILTER NOT EXISTS { GRAPH ?h { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> ?t } } } }")
                .at("/results/bindings/0/n/value").asLong();
        assertEquals(distinctFacts, server.get("/dumps/reelgraph.nt").body().lines().count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nq", "trig"})
    void quadDumpsKeepEveryNamedGraphWithAnnotations(String extension) {
        HttpResponse<String> response = server.get("/dumps/reelgraph." + extension);
        assertEquals(200, response.statusCode());
        DatasetGraph parsedAll = DatasetGraphFactory.create();
        RDFParser.fromString(response.body(), extension.equals("nq") ? Lang.NQUADS : Lang.TRIG).parse(parsedAll);
        DatasetGraph storeAll = server.store().read(() -> {
            DatasetGraph copy = DatasetGraphFactory.create();
            server.store().dataset().find().forEachRemaining(copy::add);
            return copy;
        });
        assertEquals(storeAll.stream().count(), parsedAll.stream().count(), "every quad");
        // Jena's graph matcher cannot map blank nodes inside triple terms (evidence on a performance),
        // so those quads are counted, and everything else is compared up to blank-node renaming.
        DatasetGraph parsed = withoutBlankNodesInTripleTerms(parsedAll);
        DatasetGraph store = withoutBlankNodesInTripleTerms(storeAll);
        assertEquals(storeAll.stream().count() - store.stream().count(), parsedAll.stream().count() - parsed.stream().count());
        assertTrue(Isomorphic.datasets(store, parsed), extension + " dump is the whole store");
        assertTrue(parsed.containsGraph(NodeFactory.createURI(ANNOTATED_GRAPH)));
        assertTrue(parsed.containsGraph(Iris.META_GRAPH));
        assertTrue(response.body().contains("Director Len Wiseman"), "annotation kept");
    }

    @Test
    void gzippedDumpsAreTheSameBytesCompressed() throws IOException {
        for (String extension : new String[] {"ttl", "nt", "nq", "trig", "jsonld"}) {
            byte[] plain = bytes("/dumps/reelgraph." + extension).body();
            HttpResponse<byte[]> gz = bytes("/dumps/reelgraph." + extension + ".gz");
            assertEquals(200, gz.statusCode());
            assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
                assertArrayEquals(plain, in.readAllBytes(), extension);
            }
        }
    }

    @Test
    void etagAndLastModifiedAnswerConditionalRequestsAndChangeWithTheData() {
        HttpResponse<String> first = server.get("/dumps/reelgraph.nt");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(etag, server.get("/dumps/reelgraph.nt").headers().firstValue("ETag").orElseThrow(), "same data, same ETag");
        assertEquals(304, server.send(server.request("/dumps/reelgraph.nt").header("If-None-Match", etag)).statusCode());
        assertEquals(304, server.send(server.request("/dumps/reelgraph.nt").header("If-Modified-Since", lastModified)).statusCode());
        assertEquals(200, server.send(server.request("/dumps/reelgraph.nt").header("If-None-Match", "\"other\"")).statusCode());
        String graph = "https://w3id.org/reelgraph/test/etag";
        assertEquals(201, server.putGraph(graph, "<https://example.org/a> <https://example.org/b> \"new\" .").statusCode());
        try {
            HttpResponse<String> changed = server.send(server.request("/dumps/reelgraph.nt").header("If-None-Match", etag));
            assertEquals(200, changed.statusCode(), "the data changed");
            assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
            assertTrue(changed.body().contains("\"new\""));
        } finally {
            assertEquals(204, server.deleteGraph(graph).statusCode());
        }
    }

    @Test
    void headGivesTheHeadersOfGetWithoutABody() {
        HttpResponse<String> get = server.get("/dumps/reelgraph.ttl");
        HttpResponse<String> head = server.send(server.request("/dumps/reelgraph.ttl").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        for (String header : new String[] {"ETag", "Last-Modified", "Content-Type", "Content-Length", "Content-Disposition"})
            assertEquals(get.headers().firstValue(header), head.headers().firstValue(header), header);
        assertEquals(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                Long.parseLong(head.headers().firstValue("Content-Length").orElseThrow()));
    }

    @Test
    void rangeRequestsResumeADownload() {
        byte[] whole = bytes("/dumps/reelgraph.nq").body();
        HttpResponse<byte[]> part = server.sendBytes(server.request("/dumps/reelgraph.nq").header("Range", "bytes=100-199"));
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + whole.length, part.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(whole, 100, 200), part.body());
        HttpResponse<byte[]> rest = server.sendBytes(server.request("/dumps/reelgraph.nq").header("Range", "bytes=1000-"));
        assertEquals(206, rest.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole, 1000, whole.length), rest.body());
        HttpResponse<byte[]> outside = server.sendBytes(server.request("/dumps/reelgraph.nq").header("Range", "bytes=" + whole.length + "-"));
        assertEquals(416, outside.statusCode());
        assertEquals("bytes */" + whole.length, outside.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> stale = server.sendBytes(server.request("/dumps/reelgraph.nq").header("Range", "bytes=0-9")
                .header("If-Range", "\"an-old-version\""));
        assertEquals(200, stale.statusCode(), "If-Range with another ETag sends the whole dump");
        assertEquals(whole.length, stale.body().length);
    }

    @Test
    void listingGivesEveryDumpWithSizeAndCountAsJsonOrHtml() {
        JsonNode listing = RunningServer.json(server.get("/dumps/"));
        assertEquals(10, listing.get("dumps").size());
        assertEquals("/dumps/void.ttl", listing.get("description").asText());
        JsonNode nt = null;
        for (JsonNode d : listing.get("dumps"))
            if (d.get("name").asText().equals("reelgraph.nt"))
                nt = d;
        assertEquals(server.get("/dumps/reelgraph.nt").body().lines().count(), nt.get("triples").asLong());
        assertEquals(server.get("/dumps/reelgraph.nt").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, nt.get("bytes").asLong());
        HttpResponse<String> html = server.get("/dumps/", "text/html,application/xhtml+xml");
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(html.body().contains("href=\"/dumps/reelgraph.nq.gz\"") && html.body().contains("href=\"/dumps/void.ttl\""), html.body());
    }

    @Test
    void voidDescriptionCountsTheDataAndLinksTheDumpsAndEndpoint() {
        HttpResponse<String> response = server.get("/dumps/void.ttl");
        assertEquals(200, response.statusCode());
        Graph g = parse(response.body(), Lang.TURTLE);
        long triples = server.get("/dumps/reelgraph.nt").body().lines().count();
        var dataset = g.find(null, VOID.triples.asNode(), null).next();
        assertEquals(triples, Long.parseLong(dataset.getObject().getLiteralLexicalForm()));
        var base = server.uri("").toString();
        assertTrue(g.contains(dataset.getSubject(), VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(base + "/reelgraph/sparql")));
        assertTrue(g.contains(dataset.getSubject(), VOID.dataDump.asNode(), NodeFactory.createURI(base + "/dumps/reelgraph.nt.gz")));
        assertTrue(g.contains(null, VOID._class.asNode(), NodeFactory.createURI("https://w3id.org/reelgraph/ontology#Film")));
        assertTrue(server.get("/").body().contains("/dumps/void.ttl"), "linked from the index page");
    }

    @Test
    void unknownDumpIs404Problem() {
        HttpResponse<String> response = server.get("/dumps/reelgraph.xls");
        assertEquals(404, response.statusCode());
        assertTrue(RunningServer.json(response).get("detail").asText().contains("reelgraph.{ttl,nt,nq,trig,jsonld}"));
    }

    private static DatasetGraph withoutBlankNodesInTripleTerms(DatasetGraph dsg) {
        DatasetGraph copy = DatasetGraphFactory.create();
        dsg.stream().filter(q -> !(q.getObject().isTripleTerm()
                        && (q.getObject().getTriple().getSubject().isBlank() || q.getObject().getTriple().getObject().isBlank())))
                .forEach(copy::add);
        return copy;
    }

    private HttpResponse<byte[]> bytes(String path) {
        return server.sendBytes(server.request(path));
    }

    /** The union of the named graphs without RDF 1.2 annotations, as the store holds it. */
    private Graph unionFacts() {
        return server.store().read(() -> {
            Graph g = GraphFactory.createDefaultGraph();
            var union = server.store().dataset().getUnionGraph();
            union.find().forEachRemaining(t -> {
                boolean annotation = t.getPredicate().equals(org.apache.jena.vocabulary.RDF.reifies.asNode())
                        || union.contains(t.getSubject(), org.apache.jena.vocabulary.RDF.reifies.asNode(), null);
                if (!annotation)
                    g.add(t);
            });
            return g;
        });
    }

    private static Graph parse(String body, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(graph);
        return graph;
    }
}
