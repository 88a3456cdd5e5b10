package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DumpTest extends AgainstRunningServer {
    private static final String DUPLICATE_GRAPH = "https://w3id.org/reelgraph/test/duplicate";

    @BeforeAll
    void addADuplicateTriple() {
        // The same triple in a second graph: the union dump must hold it once.
        String turtle = "<https://w3id.org/reelgraph/id/film/ballerina-2025> <https://w3id.org/reelgraph/ontology#directedBy> "
                + "<https://w3id.org/reelgraph/id/person/len-wiseman> .";
        var put = server.putGraph(DUPLICATE_GRAPH, turtle);
        assertEquals(201, put.statusCode(), put.body());
    }


    @Test
    void turtleDumpParsesBackToTheUnionOfTheStore() {
        HttpResponse<String> response = server.get("/dumps/reelgraph.ttl");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        assertTrue(response.headers().firstValue("Content-Disposition").orElseThrow().contains("reelgraph.ttl"));
        Graph parsed = parse(response.body(), Lang.TURTLE);
        long union = server.unionTripleCount();
        assertTrue(union > 350, "the John Wick data, ontology, review and metadata: " + union);
        assertEquals(union, parsed.size());
        assertTrue(response.body().contains("PREFIX rg: <https://w3id.org/reelgraph/ontology#>"), "uses prefixes");
    }

    @Test
    void nTriplesDumpHasOneLinePerTripleOfTheUnion() {
        HttpResponse<String> response = server.get("/dumps/reelgraph.nt");
        assertEquals(200, response.statusCode());
        assertEquals(server.unionTripleCount(), parse(response.body(), Lang.NTRIPLES).size());
        assertEquals(server.unionTripleCount(), response.body().lines().count());
    }

    @Test
    void nQuadsDumpKeepsEveryNamedGraph() {
        HttpResponse<String> response = server.get("/dumps/reelgraph.nq");
        assertEquals(200, response.statusCode());
        DatasetGraph parsed = DatasetGraphFactory.create();
        RDFParser.fromString(response.body(), Lang.NQUADS).parse(parsed);
        long quads = server.sparql("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").at("/results/bindings/0/n/value").asLong();
        assertEquals(quads, parsed.stream().count());
        assertTrue(parsed.containsGraph(org.apache.jena.graph.NodeFactory.createURI(DUPLICATE_GRAPH)));
        assertTrue(parsed.containsGraph(org.reelgraph.vocab.Iris.META_GRAPH));
    }

    @Test
    void unknownDumpIs404Problem() {
        HttpResponse<String> response = server.get("/dumps/reelgraph.xls");
        assertEquals(404, response.statusCode());
        assertTrue(RunningServer.json(response).get("detail").asText().contains("reelgraph.ttl"));
    }

    private static Graph parse(String body, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(graph);
        return graph;
    }
}
