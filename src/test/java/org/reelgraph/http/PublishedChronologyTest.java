package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The story order published as RDF stays in step with every write, whichever way it comes. */
class PublishedChronologyTest extends AgainstRunningServer {
    private static final String STORY = """
            PREFIX rg: <https://w3id.org/reelgraph/ontology#>
            SELECT ?film { GRAPH <https://w3id.org/reelgraph/graph/derived/chronology> {
              ?c rg:chronologyOf <https://w3id.org/reelgraph/id/franchise/john-wick> ; rg:order "story" ; rg:entry ?e .
              ?e rg:position ?p ; rg:film ?film } } ORDER BY ?p
            """;
    private static final String CONFLICT = """
            PREFIX rg: <https://w3id.org/reelgraph/ontology#>
            ASK { ?c rg:chronologyOf <https://w3id.org/reelgraph/id/franchise/john-wick> ; rg:order "story" ; rg:hasConflict true }
            """;

    @Test
    void storyOrderIsPublishedAsRdf() {
        assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                "ballerina-2025", "john-wick-chapter-4-2023"), story());
        assertTrue(server.sparql("""
                PREFIX rg: <https://w3id.org/reelgraph/ontology#>
                ASK { ?c rg:chronologyOf <https://w3id.org/reelgraph/id/franchise/john-wick> ; rg:order "release" ;
                      rg:entry [ rg:position 5 ; rg:film <https://w3id.org/reelgraph/id/film/ballerina-2025> ] }
                """).get("boolean").asBoolean(), "release order puts Ballerina last");
    }

    @Test
    void aCycleWrittenOverTheGraphStoreIsPublishedAtOnceAndItsRemovalToo() {
        String graph = "https://w3id.org/reelgraph/test/published-cycle";
        String cycle = "<https://w3id.org/reelgraph/id/film/john-wick-2014> <https://w3id.org/reelgraph/ontology#setAfter> "
                + "<https://w3id.org/reelgraph/id/film/john-wick-chapter-4-2023> .";
        assertEquals(201, server.putGraph(graph, cycle).statusCode());
        try {
            assertTrue(server.sparql(CONFLICT).get("boolean").asBoolean(), "the published chronology shows the conflict");
            assertEquals(List.of(), story());
        } finally {
            assertEquals(204, server.deleteGraph(graph).statusCode());
        }
        assertEquals(5, story().size());
        assertTrue(!server.sparql(CONFLICT).get("boolean").asBoolean());
    }

    @Test
    void aSparqlUpdateThatMovesAFilmIsPublishedInTheSameTransaction() {
        String insert = "INSERT DATA { GRAPH <https://w3id.org/reelgraph/test/moved> { "
                + "<https://w3id.org/reelgraph/id/film/ballerina-2025> <https://w3id.org/reelgraph/ontology#setBefore> "
                + "<https://w3id.org/reelgraph/id/film/john-wick-chapter-2-2017> } }";
        update(insert);
        try {
            // Ballerina is now before Chapter 2 but still after Chapter 3, which is after Chapter 2: a cycle.
            assertTrue(server.sparql(CONFLICT).get("boolean").asBoolean());
        } finally {
            update("DROP GRAPH <https://w3id.org/reelgraph/test/moved>");
        }
        assertEquals("ballerina-2025", story().get(3));
    }

    private void update(String sparql) {
        var response = server.send(server.request("/reelgraph/update").header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "application/sparql-update").POST(RunningServer.body(sparql)));
        assertEquals(2, response.statusCode() / 100, response.body());
    }

    private List<String> story() {
        List<String> films = new ArrayList<>();
        server.sparql(STORY).at("/results/bindings").forEach(b -> {
            String iri = b.at("/film/value").asText();
            films.add(iri.substring(iri.lastIndexOf('/') + 1));
        });
        return films;
    }
}
