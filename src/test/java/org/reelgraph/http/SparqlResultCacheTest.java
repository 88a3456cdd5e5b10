package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlResultCacheTest extends AgainstRunningServer {
    private static final String GRAPH = "https://example.org/cache-test";
    private static final String LABELS = "SELECT ?label { <https://example.org/cached> <http://www.w3.org/2000/01/rdf-schema#label> ?label }";

    private HttpResponse<String> ask(String query, String accept) {
        return server.get("/reelgraph/sparql?query=" + RunningServer.encode(query), accept);
    }

    private static String cache(HttpResponse<String> response) {
        return response.headers().firstValue(SparqlResultCache.HEADER).orElse("none");
    }

    private HttpResponse<String> update(String update) {
        return server.send(server.request("/reelgraph/update").header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "application/sparql-update").POST(RunningServer.body(update)));
    }

    private static void assertWritten(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201 || response.statusCode() == 204,
                response.statusCode() + ": " + response.body());
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheWithTheSameBytes() {
        String query = "SELECT ?film { ?film <https://w3id.org/reelgraph/ontology#directedBy> ?d } ORDER BY ?film LIMIT 3";
        HttpResponse<String> first = ask(query, "application/sparql-results+json");
        HttpResponse<String> second = ask(query, "application/sparql-results+json");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("miss", cache(first));
        assertEquals("hit", cache(second));
        assertEquals(first.body(), second.body());
        assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
        // Another format is another answer.
        HttpResponse<String> csv = ask(query, "text/csv");
        assertEquals("miss", cache(csv));
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(csv.body().startsWith("film\r\n"), csv.body());
        assertEquals("hit", cache(ask(query, "text/csv")));
    }

    @Test
    void everyWriteMakesTheNextAnswerFresh() {
        assertWritten(server.putGraph(GRAPH, "<https://example.org/cached> <http://www.w3.org/2000/01/rdf-schema#label> \"one\" ."));
        HttpResponse<String> one = ask(LABELS, "text/csv");
        assertEquals("label\r\none\r\n", one.body());
        assertEquals("hit", cache(ask(LABELS, "text/csv")));

        // Graph Store Protocol write
        assertWritten(server.putGraph(GRAPH, "<https://example.org/cached> <http://www.w3.org/2000/01/rdf-schema#label> \"two\" ."));
        HttpResponse<String> two = ask(LABELS, "text/csv");
        assertEquals("miss", cache(two));
        assertEquals("label\r\ntwo\r\n", two.body());
        assertEquals("hit", cache(ask(LABELS, "text/csv")));

        // SPARQL Update
        HttpResponse<String> updated = update("INSERT DATA { GRAPH <" + GRAPH + "> { <https://example.org/cached> <http://www.w3.org/2000/01/rdf-schema#label> \"three\" } }");
        assertWritten(updated);
        HttpResponse<String> three = ask(LABELS, "text/csv");
        assertEquals("miss", cache(three));
        assertTrue(three.body().contains("three\r\n") && three.body().contains("two\r\n"), three.body());

        // Deleting the graph
        assertWritten(server.deleteGraph(GRAPH));
        assertEquals("label\r\n", ask(LABELS, "text/csv").body());
    }

    @Test
    void errorsAreNotKept() {
        HttpResponse<String> bad = ask("SELECT ?x WHERE { ?x", "application/sparql-results+json");
        assertEquals(400, bad.statusCode());
        HttpResponse<String> again = ask("SELECT ?x WHERE { ?x", "application/sparql-results+json");
        assertEquals(400, again.statusCode());
        assertEquals("miss", cache(again));
    }
}
