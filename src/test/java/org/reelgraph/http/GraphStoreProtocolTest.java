package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Graph Store Protocol beyond Fuseki's {@code ?graph=}/{@code ?default}: direct identification
 * ({@code /reelgraph/data/{path}} is the graph named by that URL) and graph creation by a POST to
 * {@code /reelgraph/data} itself (201 with {@code Location}). Writes here carry the token; without
 * it they are refused, see {@link WriteAccessTest}.
 */
class GraphStoreProtocolTest extends AgainstRunningServer {
    private static final String ANN = "<urn:reelgraph:test:ann> <http://xmlns.com/foaf/0.1/name> \"Ann\" .";
    private static final String BOB = "<urn:reelgraph:test:ann> <http://xmlns.com/foaf/0.1/knows> <urn:reelgraph:test:bob> .";

    @AfterEach
    void dropTestGraphs() {
        // Every graph this class makes has an IRI on the test server or the urn:reelgraph:test: subject.
        String drop = "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(STRSTARTS(STR(?g), \"" + server.uri("/") + "\") || STRSTARTS(STR(?s), \"urn:reelgraph:test:\")) }";
        HttpResponse<String> response = server.send(withToken(server.request("/reelgraph/update"))
                .header("Content-Type", "application/sparql-update").POST(RunningServer.body(drop)));
        assertEquals(204, response.statusCode(), response.body());
    }

    @Test
    void putToAGraphUrlCreatesTheGraphNamedByThatUrl() {
        String path = "/reelgraph/data/people/ann.ttl";
        String iri = server.uri(path).toString();
        assertEquals(201, send(put(path, ANN)).statusCode());

        HttpResponse<String> direct = server.get(path, "text/turtle");
        assertEquals(200, direct.statusCode(), direct.body());
        assertTrue(direct.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        assertTrue(turtle(direct.body()).isIsomorphicWith(turtle(ANN)));
        // The same graph by indirect identification, and in SPARQL under its IRI and in the union default graph.
        HttpResponse<String> indirect = server.get("/reelgraph/data?graph=" + RunningServer.encode(iri), "text/turtle");
        assertEquals(200, indirect.statusCode(), indirect.body());
        assertTrue(turtle(indirect.body()).isIsomorphicWith(turtle(ANN)));
        assertTrue(ask("ASK { GRAPH <" + iri + "> { <urn:reelgraph:test:ann> ?p \"Ann\" } }"));
        assertTrue(ask("ASK { <urn:reelgraph:test:ann> ?p \"Ann\" }"), "the default graph of a query is the union of the named graphs");
    }

    @Test
    void putReplacesPostAddsDeleteRemoves() {
        String path = "/reelgraph/data/people/bob";
        assertEquals(201, send(put(path, ANN)).statusCode());
        HttpResponse<String> replaced = send(put(path, BOB));
        assertTrue(replaced.statusCode() == 200 || replaced.statusCode() == 204, replaced.statusCode() + " " + replaced.body());
        assertTrue(turtle(server.get(path, "text/turtle").body()).isIsomorphicWith(turtle(BOB)));

        HttpResponse<String> added = send(withToken(server.request(path)).header("Content-Type", "text/turtle").POST(RunningServer.body(ANN)));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(turtle(server.get(path, "text/turtle").body()).isIsomorphicWith(turtle(ANN + "\n" + BOB)));

        HttpResponse<String> head = server.send(server.request(path).header("Accept", "text/turtle").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertTrue(head.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        assertTrue(head.body().isEmpty());

        assertEquals(204, send(withToken(server.request(path)).DELETE()).statusCode());
        HttpResponse<String> gone = server.get(path, "text/turtle");
        assertEquals(404, gone.statusCode());
        assertTrue(gone.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(404, send(withToken(server.request(path)).DELETE()).statusCode());
        assertEquals(404, server.send(server.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
    }

    @Test
    void relativeIrisInTheBodyResolveAgainstTheGraphUrl() {
        String path = "/reelgraph/data/people/ann";
        assertEquals(201, send(put(path, "<urn:reelgraph:test:ann> <http://xmlns.com/foaf/0.1/knows> <bob> .")).statusCode());
        assertTrue(ask("ASK { GRAPH <" + server.uri(path) + "> { ?s ?p <" + server.uri("/reelgraph/data/people/bob") + "> } }"));
    }

    @Test
    void aGraphUrlWithAQueryStringIs400() {
        HttpResponse<String> response = server.get("/reelgraph/data/people/ann?graph=" + RunningServer.encode("urn:x:other"), "text/turtle");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(RunningServer.json(response).get("detail").asText().contains("takes no query string"), response.body());
        assertEquals(400, send(put("/reelgraph/data/people/ann?default", ANN)).statusCode());
        assertFalse(ask("ASK { <urn:reelgraph:test:ann> ?p ?o }"), "nothing was written");
    }

    @Test
    void postToTheGraphStoreCreatesANewGraphAt201WithLocation() {
        String defaultGraphBefore = server.get("/reelgraph/data?default", "application/n-triples").body();
        HttpResponse<String> created = send(withToken(server.request("/reelgraph/data"))
                .header("Content-Type", "text/turtle; charset=utf-8").POST(RunningServer.body(ANN)));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(server.uri("/reelgraph/data/").toString()), location);

        // Dereferenceable by direct identification, and the graph of that IRI in SPARQL.
        HttpResponse<String> got = server.send(server.request(URI.create(location).getRawPath()).header("Accept", "text/turtle").GET());
        assertEquals(200, got.statusCode(), got.body());
        assertTrue(turtle(got.body()).isIsomorphicWith(turtle(ANN)));
        assertTrue(ask("ASK { GRAPH <" + location + "> { <urn:reelgraph:test:ann> ?p \"Ann\" } }"));
        assertEquals(defaultGraphBefore, server.get("/reelgraph/data?default", "application/n-triples").body(),
                "the stored default graph is untouched");

        HttpResponse<String> second = send(withToken(server.request("/reelgraph/data"))
                .header("Content-Type", "application/n-triples").POST(RunningServer.body(BOB)));
        assertEquals(201, second.statusCode(), second.body());
        assertNotEquals(location, second.headers().firstValue("Location").orElseThrow(), "each POST makes its own graph");
    }

    @Test
    void postOfBadRdfToTheGraphStoreIs400AndCreatesNothing() {
        long graphs = graphCount();
        HttpResponse<String> refused = send(withToken(server.request("/reelgraph/data"))
                .header("Content-Type", "text/turtle").POST(RunningServer.body("<urn:reelgraph:test:ann> <broken")));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Location").isEmpty());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(graphs, graphCount());
    }

    @Test
    void postOfTrigToTheGraphStoreAddsItsGraphsAsTheyAre() {
        String graph = "urn:reelgraph:test:trig-graph";
        HttpResponse<String> added = send(withToken(server.request("/reelgraph/data")).header("Content-Type", "application/trig")
                .POST(RunningServer.body("<" + graph + "> { " + ANN + " }")));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.headers().firstValue("Location").isEmpty());
        assertTrue(ask("ASK { GRAPH <" + graph + "> { <urn:reelgraph:test:ann> ?p \"Ann\" } }"));
    }

    @Test
    void postToTheDefaultGraphStillAddsToIt() {
        HttpResponse<String> added = send(withToken(server.request("/reelgraph/data?default"))
                .header("Content-Type", "text/turtle").POST(RunningServer.body(ANN)));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.headers().firstValue("Location").isEmpty());
        assertTrue(turtle(server.get("/reelgraph/data?default", "text/turtle").body()).contains(
                turtle(ANN).find().next()));
        HttpResponse<String> cleared = send(withToken(server.request("/reelgraph/update")).header("Content-Type", "application/sparql-update")
                .POST(RunningServer.body("DELETE DATA { " + ANN + " }")));
        assertEquals(204, cleared.statusCode(), cleared.body());
    }

    private HttpRequest.Builder put(String path, String turtle) {
        return withToken(server.request(path)).header("Content-Type", "text/turtle").PUT(RunningServer.body(turtle));
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + RunningServer.TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return server.send(request);
    }

    private boolean ask(String query) {
        return server.sparql(query).get("boolean").asBoolean();
    }

    private long graphCount() {
        return server.sparql("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }").at("/results/bindings/0/n/value").asLong();
    }

    private static Graph turtle(String text) {
        return RDFParser.fromString(text, Lang.TURTLE).toGraph();
    }
}
