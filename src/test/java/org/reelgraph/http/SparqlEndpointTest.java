package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparqlEndpointTest extends AgainstRunningServer {
    private static final String DIRECTOR_OF_BALLERINA = """
            PREFIX rg: <https://w3id.org/reelgraph/ontology#>
            PREFIX film: <https://w3id.org/reelgraph/id/film/>
            SELECT ?director { film:ballerina-2025 rg:directedBy ?director }
            """;
    private static final String LEN_WISEMAN = "https://w3id.org/reelgraph/id/person/len-wiseman";


    @Test
    void getFindsBallerinaDirectedByLenWiseman() {
        var results = server.sparql(DIRECTOR_OF_BALLERINA);
        assertEquals(1, results.at("/results/bindings").size());
        assertEquals(LEN_WISEMAN, results.at("/results/bindings/0/director/value").asText());
    }

    @Test
    void postWithSparqlQueryBodyAnswersTheSame() {
        for (String path : new String[] {"/reelgraph/sparql", "/reelgraph/query", "/reelgraph"}) {
            HttpResponse<String> response = server.send(server.request(path)
                    .header("Content-Type", "application/sparql-query")
                    .header("Accept", "application/sparql-results+json")
                    .POST(RunningServer.body(DIRECTOR_OF_BALLERINA)));
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertEquals(LEN_WISEMAN, RunningServer.json(response).at("/results/bindings/0/director/value").asText());
        }
    }

    @Test
    void postAsFormAnswersInTheRequestedFormat() {
        HttpResponse<String> response = server.send(server.request("/reelgraph/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/csv")
                .POST(RunningServer.body("query=" + RunningServer.encode(DIRECTOR_OF_BALLERINA))));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("director\r\n" + LEN_WISEMAN + "\r\n", response.body());
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() {
        var results = server.sparql("""
                PREFIX rg: <https://w3id.org/reelgraph/ontology#>
                ASK { ?review rg:reviewOf ?film . ?film rg:directedBy ?d . ?c a <http://www.w3.org/2002/07/owl#Class> }
                """);
        assertTrue(results.get("boolean").asBoolean(), "review graph, data graph and ontology graph are joined");
    }

    @Test
    void eachSourceHasItsNamedGraph() {
        var results = server.sparql("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
        var graphs = results.at("/results/bindings").findValuesAsText("value");
        assertEquals(java.util.List.of(
                "https://w3id.org/reelgraph/graph/data/alien",
                "https://w3id.org/reelgraph/graph/data/john-wick",
                "https://w3id.org/reelgraph/graph/data/star-wars",
                "https://w3id.org/reelgraph/graph/data/wizarding-world",
                "https://w3id.org/reelgraph/graph/derived/chronology",
                "https://w3id.org/reelgraph/graph/meta",
                "https://w3id.org/reelgraph/graph/ontology",
                "https://w3id.org/reelgraph/graph/review/ballerina-2025-review"), graphs);
    }

    @Test
    void getWithoutAQueryAnswersTheServiceDescription() {
        HttpResponse<String> response = server.get("/reelgraph/sparql", "text/turtle");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        var graph = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParser.fromString(response.body(), org.apache.jena.riot.Lang.TURTLE).parse(graph);
        String sd = "http://www.w3.org/ns/sparql-service-description#";
        var endpoint = org.apache.jena.graph.NodeFactory.createURI(server.uri("/reelgraph/sparql").toString());
        assertTrue(graph.contains(null, org.apache.jena.graph.NodeFactory.createURI(sd + "endpoint"), endpoint), response.body());
        assertTrue(graph.contains(null, org.apache.jena.graph.NodeFactory.createURI(sd + "feature"),
                org.apache.jena.graph.NodeFactory.createURI(sd + "UnionDefaultGraph")));
        HttpResponse<String> jsonld = server.get("/reelgraph/query", "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        assertTrue(jsonld.headers().firstValue("Content-Type").orElseThrow().startsWith("application/ld+json"));
    }

    @ParameterizedTest
    @CsvSource({
            "SELECT * { ?s ?p ?o } LIMIT 1, json, application/sparql-results+json",
            "SELECT * { ?s ?p ?o } LIMIT 1, xml, application/sparql-results+xml",
            "SELECT * { ?s ?p ?o } LIMIT 1, csv, text/csv",
            "SELECT * { ?s ?p ?o } LIMIT 1, tsv, text/tab-separated-values",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1, ttl, text/turtle",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1, nt, application/n-triples",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1, jsonld, application/ld+json",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1, rdfxml, application/rdf+xml",
            "DESCRIBE <https://w3id.org/reelgraph/id/film/ballerina-2025>, jsonld, application/ld+json"})
    void formatParameterPicksTheResultFormat(String query, String format, String mediaType) {
        HttpResponse<String> response = server.get("/reelgraph/sparql?query=" + RunningServer.encode(query) + "&format=" + format);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(mediaType),
                response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void malformedQueryIsA400WithTheParseError() {
        HttpResponse<String> response = server.get("/reelgraph/sparql?query=" + RunningServer.encode("SELECT ?x WHERE {"));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("line 1"), response.body());
    }

    @ParameterizedTest
    @CsvSource({"/reelgraph/query, text/turtle", "/reelgraph/sparql, application/json", "/reelgraph/query, application/sparql-update"})
    void aQueryEndpointAnswersABodyThatIsNoQueryWith415NotWithADemandForTheToken(String path, String type) {
        HttpResponse<String> response = server.send(server.request(path).header("Content-Type", type)
                .POST(RunningServer.body("<urn:s> <urn:p> <urn:o> .")));
        assertEquals(415, response.statusCode(), response.body());
    }
}
