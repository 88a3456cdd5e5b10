package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON API's lists are paged: a default and a hard maximum, 400 over it, and the answer says
 * when it is cut (Link rel="next", X-Total-Count, page.next). Against a store with more films in
 * one franchise, and more franchises, than the maximum page.
 */
class PagingTest extends AgainstRunningServer {
    /** Films of one generated franchise: more than the maximum page of 1,000. */
    private static final int FILMS = 1_500;
    /** Generated franchises besides the project's four. */
    private static final int FRANCHISES = 1_050;
    private static final String SAGA = "/api/franchises/long-saga";

    @BeforeAll
    void putALongFranchiseAndManySmallOnes() {
        HttpResponse<String> put = server.putGraph("https://w3id.org/reelgraph/graph/data/paging-test", generated());
        assertEquals(2, put.statusCode() / 100, put.body());
    }

    /**
     * {@code long-saga}: films released one a day from 1950, each set before the one released the day
     * before it, so story order is the reverse of release order. Plus franchises {@code tiny-0001...}.
     */
    private static String generated() {
        StringBuilder ttl = new StringBuilder("""
                PREFIX rg: <https://w3id.org/reelgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                PREFIX film: <https://w3id.org/reelgraph/id/film/>
                PREFIX franchise: <https://w3id.org/reelgraph/id/franchise/>
                franchise:long-saga a rg:Franchise ; rdfs:label "Long Saga"@en .
                """);
        LocalDate day = LocalDate.of(1950, 1, 1);
        for (int i = 1; i <= FILMS; i++) {
            ttl.append("film:long-saga-part-").append(i).append(" a rg:Film ; rdfs:label \"Long Saga ").append(i)
                    .append("\"@en ; rg:partOfFranchise franchise:long-saga ; rg:releaseDate \"").append(day.plusDays(i))
                    .append("\"^^xsd:date");
            if (i > 1)
                ttl.append(" ; rg:setBefore film:long-saga-part-").append(i - 1);
            ttl.append(" .\n");
        }
        for (int i = 1; i <= FRANCHISES; i++)
            ttl.append(String.format("franchise:tiny-%04d a rg:Franchise ; rdfs:label \"Tiny %04d\"@en .%n", i, i));
        return ttl.toString();
    }

    @Test
    void theFranchiseListIsCutAtTheDefaultAndLinksTheNextPage() {
        HttpResponse<String> first = ok("/api/franchises");
        JsonNode list = RunningServer.json(first);
        assertTrue(list.isArray(), "still a JSON array");
        assertEquals(100, list.size());
        assertEquals(Integer.toString(FRANCHISES + 5), first.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals("</api/franchises?offset=100&limit=100>; rel=\"next\"", first.headers().firstValue("Link").orElseThrow());
    }

    @Test
    void followingNextLinksVisitsEveryFranchiseOnceInTitleOrder() {
        List<String> slugs = new ArrayList<>();
        String next = "/api/franchises?limit=1000";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = ok(next);
            RunningServer.json(page).forEach(f -> slugs.add(f.get("slug").asText()));
            next = nextLink(page);
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(FRANCHISES + 5, slugs.size());
        assertEquals(slugs.size(), new HashSet<>(slugs).size(), "no franchise twice");
        assertEquals(List.of("alien", "john-wick", "long-saga", "star-wars"), slugs.subList(0, 4));
        assertEquals("tiny-0001", slugs.get(4));
        assertEquals("wizarding-world", slugs.get(slugs.size() - 1));
    }

    @Test
    void aFranchiseWithMoreFilmsThanTheMaximumIsAnsweredInPages() {
        HttpResponse<String> response = ok(SAGA + "?limit=1000");
        JsonNode first = RunningServer.json(response);
        assertEquals(1000, first.get("films").size());
        assertEquals("long-saga-part-1", first.at("/films/0/slug").asText(), "release order");
        assertEquals(0, first.at("/page/offset").asInt());
        assertEquals(1000, first.at("/page/limit").asInt());
        assertEquals(FILMS, first.at("/page/total").asInt());
        assertEquals(SAGA + "?offset=1000&limit=1000", first.at("/page/next").asText());
        assertEquals(first.at("/page/next").asText(), nextLink(response));

        JsonNode second = RunningServer.json(ok(first.at("/page/next").asText()));
        assertEquals(FILMS - 1000, second.get("films").size());
        assertEquals("long-saga-part-1001", second.at("/films/0/slug").asText());
        assertTrue(second.at("/page/next").isNull(), "the last page has no next");
        assertEquals("Long Saga", second.get("title").asText(), "the rest of the answer is on every page");
    }

    @Test
    void chronologyEntriesArePagedKeepTheirPositionsAndTheOtherParameters() {
        HttpResponse<String> response = ok(SAGA + "/chronology?order=story&offset=500&limit=250");
        JsonNode page = RunningServer.json(response);
        assertEquals("long-saga", page.at("/franchise/slug").asText());
        assertEquals("story", page.get("order").asText());
        assertTrue(page.get("conflicts").isArray() && page.get("conflicts").isEmpty());
        assertEquals(250, page.get("entries").size());
        assertEquals(501, page.at("/entries/0/position").asInt(), "positions are those of the whole order");
        // Story order is the reverse of release: position 501 is part 1000.
        assertEquals("long-saga-part-1000", page.at("/entries/0/slug").asText());
        assertEquals("stated", page.at("/entries/0/placement").asText());
        assertEquals(FILMS, page.at("/page/total").asInt());
        assertEquals(SAGA + "/chronology?order=story&offset=750&limit=250", page.at("/page/next").asText());
        assertEquals("<" + SAGA + "/chronology?order=story&offset=750&limit=250>; rel=\"next\", <"
                + SAGA + "/chronology?order=story&offset=250&limit=250>; rel=\"prev\"", response.headers().firstValue("Link").orElseThrow());

        JsonNode byDefault = RunningServer.json(ok(SAGA + "/chronology"));
        assertEquals(100, byDefault.get("entries").size(), "the default page");
        assertEquals(1, byDefault.at("/entries/0/position").asInt());
    }

    @Test
    void anOffsetPastTheEndAnswersAnEmptyPageThatLinksBack() {
        HttpResponse<String> response = ok(SAGA + "/chronology?order=release&offset=2000&limit=100");
        JsonNode page = RunningServer.json(response);
        assertEquals(0, page.get("entries").size());
        assertTrue(page.at("/page/next").isNull());
        assertEquals("<" + SAGA + "/chronology?order=release&offset=1900&limit=100>; rel=\"prev\"",
                response.headers().firstValue("Link").orElseThrow());
    }

    @Test
    void aSmallAnswerKeepsItsShapeAndHasNoNextPage() {
        HttpResponse<String> response = ok("/api/franchises/john-wick");
        JsonNode franchise = RunningServer.json(response);
        assertEquals(5, franchise.get("films").size());
        assertEquals(1, franchise.get("spinOffs").size());
        assertEquals(5, franchise.at("/page/total").asInt());
        assertEquals(100, franchise.at("/page/limit").asInt());
        assertTrue(franchise.at("/page/next").isNull());
        assertFalse(response.headers().firstValue("Link").isPresent());
        assertEquals("5", response.headers().firstValue("X-Total-Count").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/franchises?limit=1001", SAGA + "?limit=5000", SAGA + "/chronology?limit=99999999999"})
    void aLimitOverTheMaximumIsA400ProblemThatSaysTheMaximum(String path) {
        JsonNode problem = problem(path);
        assertTrue(problem.get("detail").asText().contains("limit is at most 1000"), problem.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/franchises?limit=0", "/api/franchises?limit=ten", "/api/franchises?offset=-1", SAGA + "?offset=1.5"})
    void aLimitOrOffsetThatIsNoCountIsA400Problem(String path) {
        JsonNode problem = problem(path);
        assertTrue(problem.get("detail").asText().matches("(offset|limit) must be .*"), problem.toString());
    }

    private JsonNode problem(String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        return RunningServer.json(response);
    }

    private HttpResponse<String> ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response;
    }

    /** The target of {@code rel="next"} in the Link header, or null. */
    private static String nextLink(HttpResponse<String> response) {
        Set<String> found = new HashSet<>();
        for (String link : response.headers().firstValue("Link").orElse("").split(",\\s*"))
            if (link.endsWith("rel=\"next\""))
                found.add(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        return found.isEmpty() ? null : found.iterator().next();
    }
}
