package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ChronologyApiTest extends AgainstRunningServer {
    private static final String CYCLE_GRAPH = "https://w3id.org/reelgraph/test/cycle";


    @Test
    void storyOrderPlacesBallerinaBetweenChapterThreeAndFour() {
        JsonNode body = ok("/api/franchises/john-wick/chronology?order=story");
        assertEquals("story", body.get("order").asText());
        assertEquals("john-wick", body.at("/franchise/slug").asText());
        assertEquals("John Wick", body.at("/franchise/title").asText());
        assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                "ballerina-2025", "john-wick-chapter-4-2023"), slugs(body));
        JsonNode ballerina = body.at("/entries/3");
        assertEquals(4, ballerina.get("position").asInt());
        assertEquals("https://w3id.org/reelgraph/id/film/ballerina-2025", ballerina.get("id").asText());
        assertEquals("From the World of John Wick: Ballerina", ballerina.get("title").asText());
        assertEquals("2025-06-06", ballerina.get("released").asText());
        assertEquals("stated", ballerina.get("placement").asText());
        assertEquals(0, body.get("conflicts").size());
    }

    @Test
    void releaseOrderPutsBallerinaLast() {
        assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                "john-wick-chapter-4-2023", "ballerina-2025"), slugs(ok("/api/franchises/john-wick/chronology?order=release")));
    }

    @Test
    void storyIsTheDefaultOrder() {
        assertEquals("story", ok("/api/franchises/john-wick/chronology").get("order").asText());
    }

    @Test
    void aCycleAddedOverTheGraphStoreAnswers409NamingBothFilmsAndTheirGraphs() {
        String turtle = "<https://w3id.org/reelgraph/id/film/john-wick-2014> <https://w3id.org/reelgraph/ontology#setAfter> "
                + "<https://w3id.org/reelgraph/id/film/john-wick-chapter-2-2017> .";
        var put = server.putGraph(CYCLE_GRAPH, turtle);
        assertEquals(201, put.statusCode(), put.body());
        try {
            HttpResponse<String> response = server.get("/api/franchises/john-wick/chronology?order=story");
            assertEquals(409, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            JsonNode problem = RunningServer.json(response);
            assertEquals(409, problem.get("status").asInt());
            JsonNode conflict = problem.at("/conflicts/0");
            List<String> films = new ArrayList<>();
            conflict.get("films").forEach(f -> films.add(f.get("slug").asText()));
            assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017"), films);
            List<String> graphs = new ArrayList<>();
            conflict.get("edges").forEach(e -> graphs.add(e.get("graph").asText()));
            assertEquals(List.of("https://w3id.org/reelgraph/graph/data/john-wick", CYCLE_GRAPH), graphs.stream().sorted().toList());
            // Release order needs no placement edges, so it still answers.
            assertEquals(200, server.get("/api/franchises/john-wick/chronology?order=release").statusCode());
        } finally {
            assertEquals(204, server.deleteGraph(CYCLE_GRAPH).statusCode());
        }
        assertEquals(200, server.get("/api/franchises/john-wick/chronology").statusCode());
    }

    @Test
    void everyStatedEntrySaysWhichEdgesAndSourcesPlaceIt() {
        JsonNode ballerina = ok("/api/franchises/john-wick/chronology").at("/entries/3");
        JsonNode because = ballerina.get("because");
        assertEquals(2, because.size(), because.toString());
        assertEquals("setAfter", because.at("/0/relation").asText());
        assertEquals("john-wick-chapter-3-parabellum-2019", because.at("/0/slug").asText());
        assertEquals("https://w3id.org/reelgraph/graph/data/john-wick", because.at("/0/statedBy/0/graph").asText());
        assertEquals("setBefore", because.at("/1/relation").asText());
        assertEquals("john-wick-chapter-4-2023", because.at("/1/slug").asText());
        JsonNode first = ok("/api/franchises/john-wick/chronology").at("/entries/0");
        assertEquals("setBefore", first.at("/because/0/relation").asText(), "Chapter 2 is set after it, so it is set before Chapter 2");
        assertEquals(2, ok("/api/franchises/john-wick/chronology?order=release").at("/entries/4/because").size(),
                "release order explains the story placement too");
    }

    @Test
    void sourcesThatAgreeAreListedTogetherAndADifferentConsistentPlacementIsKept() {
        String review = "https://w3id.org/reelgraph/graph/review/test-agreeing-review";
        String turtle = "@prefix rg: <https://w3id.org/reelgraph/ontology#> .\n"
                + "@prefix film: <https://w3id.org/reelgraph/id/film/> .\n"
                + "film:ballerina-2025 rg:setAfter film:john-wick-chapter-3-parabellum-2019\n"
                + "    {| rg:quote \"set between the third and fourth films\" ; rg:confidence 0.8 |} .\n"
                + "film:ballerina-2025 rg:setAfter film:john-wick-chapter-2-2017 .\n";
        assertEquals(201, server.putGraph(review, turtle).statusCode());
        try {
            JsonNode body = ok("/api/franchises/john-wick/chronology");
            assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                    "ballerina-2025", "john-wick-chapter-4-2023"), slugs(body));
            JsonNode afterChapterThree = null, afterChapterTwo = null;
            for (JsonNode r : body.at("/entries/3/because")) {
                if (r.get("slug").asText().equals("john-wick-chapter-3-parabellum-2019"))
                    afterChapterThree = r;
                if (r.get("slug").asText().equals("john-wick-chapter-2-2017"))
                    afterChapterTwo = r;
            }
            List<String> agreeing = new ArrayList<>();
            afterChapterThree.get("statedBy").forEach(e -> agreeing.add(e.get("graph").asText()));
            assertEquals(List.of("https://w3id.org/reelgraph/graph/data/john-wick",
                    "https://w3id.org/reelgraph/graph/review/ballerina-2025-review", review), agreeing,
                    "the curated file, the seed review and this review agree");
            JsonNode stated = afterChapterThree.at("/statedBy/2");
            assertEquals("set between the third and fourth films", stated.get("quote").asText());
            assertEquals(0.8, stated.get("confidence").asDouble());
            assertEquals(1, afterChapterTwo.get("statedBy").size(), "only the review says this; it is kept");
        } finally {
            assertEquals(204, server.deleteGraph(review).statusCode());
        }
    }

    @Test
    void aReviewPlacingBallerinaAfterChapterFourConflictsAndSkipWeakestDropsIt() {
        String review = "https://w3id.org/reelgraph/graph/review/test-conflicting-review";
        String turtle = "@prefix rg: <https://w3id.org/reelgraph/ontology#> .\n"
                + "@prefix film: <https://w3id.org/reelgraph/id/film/> .\n"
                + "film:ballerina-2025 rg:setAfter film:john-wick-chapter-4-2023\n"
                + "    {| rg:quote \"picks up after the events of Chapter 4\" ; rg:confidence 0.6 |} .\n";
        assertEquals(201, server.putGraph(review, turtle).statusCode());
        try {
            HttpResponse<String> conflict = server.get("/api/franchises/john-wick/chronology");
            assertEquals(409, conflict.statusCode());
            List<String> graphs = new ArrayList<>();
            RunningServer.json(conflict).at("/conflicts/0/edges").forEach(e -> graphs.add(e.get("graph").asText()));
            assertTrue(graphs.contains("https://w3id.org/reelgraph/graph/data/john-wick") && graphs.contains(review), graphs.toString());

            JsonNode skipped = ok("/api/franchises/john-wick/chronology?onConflict=skip-weakest");
            assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                    "ballerina-2025", "john-wick-chapter-4-2023"), slugs(skipped), "the curated order");
            assertEquals(1, skipped.get("dropped").size());
            assertEquals(review, skipped.at("/dropped/0/graph").asText());
            assertEquals("picks up after the events of Chapter 4", skipped.at("/dropped/0/quote").asText());

            JsonNode curated = ok("/api/franchises/john-wick/chronology?source=data/john-wick");
            assertEquals("ballerina-2025", curated.at("/entries/3/slug").asText());
            assertEquals("https://w3id.org/reelgraph/graph/data/john-wick", curated.at("/sources/0").asText());
            assertEquals(400, server.get("/api/franchises/john-wick/chronology?onConflict=guess").statusCode());
        } finally {
            assertEquals(204, server.deleteGraph(review).statusCode());
        }
    }

    @Test
    void includeAllPlacesTheContinentalSeriesBeforeTheFilmsAndByPremiereInReleaseOrder() {
        JsonNode story = ok("/api/franchises/john-wick/chronology?include=all");
        assertEquals(List.of("the-continental-from-the-world-of-john-wick-2023", "john-wick-2014", "john-wick-chapter-2-2017",
                "john-wick-chapter-3-parabellum-2019", "ballerina-2025", "john-wick-chapter-4-2023"), slugs(story));
        assertEquals("series", story.at("/entries/0/kind").asText());
        assertEquals("film", story.at("/entries/1/kind").asText());
        assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                "john-wick-chapter-4-2023", "the-continental-from-the-world-of-john-wick-2023", "ballerina-2025"),
                slugs(ok("/api/franchises/john-wick/chronology?order=release&include=all")));
        assertEquals(5, ok("/api/franchises/john-wick/chronology?include=films").get("entries").size(), "films only by default");
        assertEquals(400, server.get("/api/franchises/john-wick/chronology?include=everything").statusCode());
    }

    @Test
    void unknownFranchiseIs404Problem() {
        HttpResponse<String> response = server.get("/api/franchises/star-trek/chronology");
        assertEquals(404, response.statusCode());
        JsonNode problem = RunningServer.json(response);
        assertEquals("Not Found", problem.get("title").asText());
        assertTrue(problem.get("detail").asText().contains("star-trek"));
        assertEquals("/api/franchises/star-trek/chronology", problem.get("instance").asText());
    }

    @Test
    void unknownOrderIs400Problem() {
        HttpResponse<String> response = server.get("/api/franchises/john-wick/chronology?order=alphabetical");
        assertEquals(400, response.statusCode());
        assertTrue(RunningServer.json(response).get("detail").asText().contains("'story' or 'release'"));
    }

    private JsonNode ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        return RunningServer.json(response);
    }

    private static List<String> slugs(JsonNode body) {
        List<String> slugs = new ArrayList<>();
        body.get("entries").forEach(e -> slugs.add(e.get("slug").asText()));
        return slugs;
    }
}
