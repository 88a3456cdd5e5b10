package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilmApiTest extends AgainstRunningServer {

    @Test
    void ballerinaHasItsDirectorCastPlacementSpinOffAndReview() {
        JsonNode film = ok("/api/films/ballerina-2025");
        assertEquals("From the World of John Wick: Ballerina", film.get("title").asText());
        assertEquals("2025-06-06", film.get("released").asText());
        assertEquals("len-wiseman", film.at("/directors/0/slug").asText());
        assertEquals(1, film.get("directors").size());
        assertEquals("john-wick", film.at("/spinOffOf/0/slug").asText());
        assertEquals("john-wick-chapter-3-parabellum-2019", film.at("/placement/setAfter/0/slug").asText());
        assertEquals("john-wick-chapter-4-2023", film.at("/placement/setBefore/0/slug").asText());
        List<String> cast = new ArrayList<>();
        film.get("cast").forEach(c -> cast.add(c.get("name").asText() + " as " + c.at("/characters/0/label").asText()));
        assertEquals(List.of("Ana de Armas as Eve Macarro", "Anjelica Huston as The Director", "Gabriel Byrne as The Chancellor",
                "Ian McShane as Winston", "Keanu Reeves as John Wick", "Lance Reddick as Charon", "Norman Reedus as Pine"), cast);
        assertEquals("https://w3id.org/reelgraph/graph/review/ballerina-2025-review", film.at("/reviews/0/graph").asText());
        assertEquals("https://www.imdb.com/title/tt7181546/", film.at("/sameAs/0").asText());
    }

    @Test
    void franchiseListsItsFilmsInReleaseOrderAndItsSpinOffs() {
        JsonNode list = ok("/api/franchises");
        // Sorted by title: Alien, John Wick, Star Wars, Wizarding World (data/*.ttl).
        List<String> slugs = new ArrayList<>();
        list.forEach(f -> slugs.add(f.get("slug").asText()));
        assertEquals(List.of("alien", "john-wick", "star-wars", "wizarding-world"), slugs);
        assertEquals(5, list.at("/1/films").asInt());
        JsonNode franchise = ok("/api/franchises/john-wick");
        assertEquals("John Wick", franchise.get("title").asText());
        assertEquals("john-wick-2014", franchise.at("/films/0/slug").asText());
        assertEquals("ballerina-2025", franchise.at("/films/4/slug").asText());
        assertEquals("ballerina-2025", franchise.at("/spinOffs/0/slug").asText());
        assertEquals(1, franchise.get("spinOffs").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/films/ballerina-2099", "/api/films/Not_A_Slug", "/api/franchises/nope", "/api/nothing-here"})
    void unknownSlugOrPathIs404ProblemJson(String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(404, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonNode problem = RunningServer.json(response);
        assertEquals(404, problem.get("status").asInt());
        assertEquals(path, problem.get("instance").asText());
        assertTrue(!problem.get("detail").asText().isBlank());
    }

    @Test
    void healthAnswersUp() {
        assertEquals("UP", ok("/health").get("status").asText());
    }

    private JsonNode ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return RunningServer.json(response);
    }
}
