package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Reviews become facts with evidence: the seed through serve's load, new ones through POST /api/reviews. */
class ReviewIngestTest extends AgainstRunningServer {
    private static final String PREFIXES = """
            PREFIX rg: <https://w3id.org/reelgraph/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX film: <https://w3id.org/reelgraph/id/film/>
            PREFIX person: <https://w3id.org/reelgraph/id/person/>
            """;
    private static final String REVIEW = """
            John Wick: Chapter 4 (2023) is the longest and grandest entry yet. Director Chad Stahelski stages a
            staircase fight in Paris that rivals anything in the series, and Keanu Reeves is as stoic as ever.
            Donnie Yen (as Caine) steals every scene he is in.

            Review by Sam Torres
            """;

    @Test
    void theSeedReviewSaysWhoWroteItAndWhereDirectedByCameFrom() {
        assertTrue(server.sparql(PREFIXES + """
                ASK { GRAPH <https://w3id.org/reelgraph/graph/review/ballerina-2025-review> {
                  ?review rg:reviewOf film:ballerina-2025 ; rg:reviewedBy ?p .
                  ?p <http://www.w3.org/2000/01/rdf-schema#label> "Nadia Arain"@en } }
                """).get("boolean").asBoolean(), "rg:reviewedBy Nadia Arain");
        JsonNode quote = server.sparql(PREFIXES + """
                SELECT ?quote ?start ?end { GRAPH <https://w3id.org/reelgraph/graph/review/ballerina-2025-review> {
                  ?r rdf:reifies <<( film:ballerina-2025 rg:directedBy person:len-wiseman )>> ;
                     rg:quote ?quote ; rg:start ?start ; rg:end ?end } }
                """).at("/results/bindings/0");
        assertEquals("Director Len Wiseman", quote.at("/quote/value").asText());
        assertEquals(2469, quote.at("/start/value").asInt());
        assertEquals(2489, quote.at("/end/value").asInt());
        assertTrue(!server.sparql(PREFIXES + "ASK { film:ballerina-2025 rg:directedBy person:chad-stahelski }")
                .get("boolean").asBoolean(), "the reshoot rumour is not a fact");
    }

    @Test
    void postingAReviewNeedsTheToken() {
        long before = server.unionTripleCount();
        HttpResponse<String> response = server.send(server.request("/api/reviews").header("Content-Type", "text/plain")
                .POST(RunningServer.body(REVIEW)));
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        assertEquals(before, server.unionTripleCount());
    }

    @Test
    void aPostedReviewIsExtractedIntoItsOwnGraphAndTheSameTextAgainReplacesIt() {
        HttpResponse<String> first = post(REVIEW);
        assertEquals(201, first.statusCode(), first.body());
        JsonNode body = RunningServer.json(first);
        String graph = body.get("graph").asText();
        assertTrue(graph.startsWith("https://w3id.org/reelgraph/graph/review/john-wick-chapter-4-2023-review-"), graph);
        assertTrue(first.headers().firstValue("Location").orElseThrow().startsWith("/id/review/john-wick-chapter-4-2023-review-"));
        assertTrue(body.get("statements").toString().contains("\"predicate\":\"directedBy\""), body.toString());
        assertTrue(server.sparql(PREFIXES + "ASK { GRAPH <" + graph + "> { film:john-wick-chapter-4-2023 rg:directedBy person:chad-stahelski } }")
                .get("boolean").asBoolean());
        assertTrue(server.sparql(PREFIXES + "ASK { GRAPH <" + graph + "> { ?r rg:reviewedBy ?p . ?p <http://www.w3.org/2000/01/rdf-schema#label> \"Sam Torres\"@en } }")
                .get("boolean").asBoolean());
        long after = server.unionTripleCount();

        HttpResponse<String> again = post(REVIEW);
        assertEquals(201, again.statusCode());
        assertEquals(graph, RunningServer.json(again).get("graph").asText(), "same text, same graph");
        assertEquals(after, server.unionTripleCount(), "replaced, not added twice");

        HttpResponse<String> other = post(REVIEW.replace("grandest", "most lavish"));
        assertNotEquals(graph, RunningServer.json(other).get("graph").asText(), "another text about the same film is another review");
    }

    @Test
    void badReviewsAreRefusedWithAProblemAndNothingIsWritten() {
        long before = server.unionTripleCount();
        assertProblem(post(""), 400, "empty");
        byte[] latin1 = "Ballerina (2025) est un film d\u00e9cevant.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertProblem(send(HttpRequest.BodyPublishers.ofByteArray(latin1), "text/plain"), 400, "UTF-8");
        assertProblem(send(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0}), "text/plain"), 400, "binary");
        assertProblem(post("A quiet film about nothing in particular. I liked the rain."), 422, "no film is recognisable");
        byte[] huge = new byte[20 << 20];
        Arrays.fill(huge, (byte) 'a');
        RunningServer.Answer tooLarge = server.upload("POST", "/api/reviews", "text/plain", huge);
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertEquals("application/problem+json", tooLarge.contentType());
        assertProblem(send(RunningServer.body(REVIEW), "application/json"), 415, "text/plain");
        assertEquals(before, server.unionTripleCount());
    }

    private void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"), response.body());
        assertTrue(RunningServer.json(response).get("detail").asText().contains(detailPart), response.body());
    }

    private HttpResponse<String> post(String text) {
        return send(RunningServer.body(text), "text/plain; charset=utf-8");
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body, String contentType) {
        return server.send(server.request("/api/reviews").header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", contentType).POST(body));
    }
}
