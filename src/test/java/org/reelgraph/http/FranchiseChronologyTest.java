package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The curated franchises in data/ (star-wars.ttl, alien.ttl, wizarding-world.ttl): exact story
 * and release orders through the chronology API, and every curated film's director and cast.
 */
class FranchiseChronologyTest extends AgainstRunningServer {

    // --- Star Wars: Episodes I–IX; Solo between III and Rogue One; Rogue One just before IV ---

    @Test
    void starWarsStoryOrderRunsEpisodeOneToNineWithSoloAndRogueOneBeforeANewHope() {
        JsonNode body = chronology("star-wars", "story");
        assertEquals("Star Wars", body.at("/franchise/title").asText());
        assertEquals(List.of(
                "star-wars-episode-i-the-phantom-menace-1999",
                "star-wars-episode-ii-attack-of-the-clones-2002",
                "star-wars-episode-iii-revenge-of-the-sith-2005",
                "solo-a-star-wars-story-2018",
                "rogue-one-a-star-wars-story-2016",
                "star-wars-episode-iv-a-new-hope-1977",
                "star-wars-episode-v-the-empire-strikes-back-1980",
                "star-wars-episode-vi-return-of-the-jedi-1983",
                "star-wars-episode-vii-the-force-awakens-2015",
                "star-wars-episode-viii-the-last-jedi-2017",
                "star-wars-episode-ix-the-rise-of-skywalker-2019"), slugs(body));
        allStated(body);
    }

    @Test
    void starWarsReleaseOrderStartsIn1977() {
        assertEquals(List.of(
                "star-wars-episode-iv-a-new-hope-1977",
                "star-wars-episode-v-the-empire-strikes-back-1980",
                "star-wars-episode-vi-return-of-the-jedi-1983",
                "star-wars-episode-i-the-phantom-menace-1999",
                "star-wars-episode-ii-attack-of-the-clones-2002",
                "star-wars-episode-iii-revenge-of-the-sith-2005",
                "star-wars-episode-vii-the-force-awakens-2015",
                "rogue-one-a-star-wars-story-2016",
                "star-wars-episode-viii-the-last-jedi-2017",
                "solo-a-star-wars-story-2018",
                "star-wars-episode-ix-the-rise-of-skywalker-2019"), slugs(chronology("star-wars", "release")));
    }

    // --- Alien: Prometheus and Covenant before Alien; Romulus between Alien and Aliens ---

    @Test
    void alienStoryOrderPutsThePrequelsFirstAndRomulusBetweenAlienAndAliens() {
        JsonNode body = chronology("alien", "story");
        assertEquals("Alien", body.at("/franchise/title").asText());
        assertEquals(List.of("prometheus-2012", "alien-covenant-2017", "alien-1979", "alien-romulus-2024",
                "aliens-1986", "alien-3-1992", "alien-resurrection-1997"), slugs(body));
        allStated(body);
    }

    @Test
    void alienReleaseOrder() {
        assertEquals(List.of("alien-1979", "aliens-1986", "alien-3-1992", "alien-resurrection-1997",
                "prometheus-2012", "alien-covenant-2017", "alien-romulus-2024"), slugs(chronology("alien", "release")));
    }

    // --- Wizarding World: the Fantastic Beasts spin-offs are set decades before Harry Potter ---

    @Test
    void wizardingWorldStoryOrderPutsFantasticBeastsBeforeHarryPotter() {
        JsonNode body = chronology("wizarding-world", "story");
        assertEquals("Wizarding World", body.at("/franchise/title").asText());
        assertEquals(List.of(
                "fantastic-beasts-and-where-to-find-them-2016",
                "fantastic-beasts-the-crimes-of-grindelwald-2018",
                "fantastic-beasts-the-secrets-of-dumbledore-2022",
                "harry-potter-and-the-philosophers-stone-2001",
                "harry-potter-and-the-chamber-of-secrets-2002",
                "harry-potter-and-the-prisoner-of-azkaban-2004",
                "harry-potter-and-the-goblet-of-fire-2005",
                "harry-potter-and-the-order-of-the-phoenix-2007",
                "harry-potter-and-the-half-blood-prince-2009",
                "harry-potter-and-the-deathly-hallows-part-1-2010",
                "harry-potter-and-the-deathly-hallows-part-2-2011"), slugs(body));
        allStated(body);
    }

    @Test
    void wizardingWorldReleaseOrderPutsFantasticBeastsLast() {
        assertEquals(List.of(
                "harry-potter-and-the-philosophers-stone-2001",
                "harry-potter-and-the-chamber-of-secrets-2002",
                "harry-potter-and-the-prisoner-of-azkaban-2004",
                "harry-potter-and-the-goblet-of-fire-2005",
                "harry-potter-and-the-order-of-the-phoenix-2007",
                "harry-potter-and-the-half-blood-prince-2009",
                "harry-potter-and-the-deathly-hallows-part-1-2010",
                "harry-potter-and-the-deathly-hallows-part-2-2011",
                "fantastic-beasts-and-where-to-find-them-2016",
                "fantastic-beasts-the-crimes-of-grindelwald-2018",
                "fantastic-beasts-the-secrets-of-dumbledore-2022"), slugs(chronology("wizarding-world", "release")));
    }

    // --- Every curated film has a director and a cast ---

    @Test
    void everyCuratedFilmHasADirectorAndAtLeastOnePerformance() {
        JsonNode films = server.sparql("""
                PREFIX rg: <https://w3id.org/reelgraph/ontology#>
                SELECT DISTINCT ?g ?film {
                  GRAPH ?g { ?film a rg:Film }
                  FILTER(STRSTARTS(STR(?g), "https://w3id.org/reelgraph/graph/data/"))
                }
                """).at("/results/bindings");
        List<String> graphs = new ArrayList<>();
        films.forEach(b -> graphs.add(b.at("/g/value").asText()));
        for (String franchise : List.of("john-wick", "star-wars", "alien", "wizarding-world"))
            assertTrue(graphs.contains("https://w3id.org/reelgraph/graph/data/" + franchise), franchise + " has no films: " + graphs);
        assertTrue(films.size() >= 5 + 11 + 7 + 11, "curated films: " + films.size());

        JsonNode lacking = server.sparql("""
                PREFIX rg: <https://w3id.org/reelgraph/ontology#>
                SELECT DISTINCT ?film ?missing {
                  GRAPH ?g { ?film a rg:Film }
                  FILTER(STRSTARTS(STR(?g), "https://w3id.org/reelgraph/graph/data/"))
                  {
                    FILTER NOT EXISTS { ?film rg:directedBy ?director }
                    BIND("director" AS ?missing)
                  } UNION {
                    FILTER NOT EXISTS { ?film rg:performance [ rg:actor ?actor ; rg:character ?character ] }
                    BIND("performance" AS ?missing)
                  }
                } ORDER BY ?film ?missing
                """).at("/results/bindings");
        List<String> problems = new ArrayList<>();
        lacking.forEach(b -> problems.add(b.at("/film/value").asText() + " has no " + b.at("/missing/value").asText()));
        assertEquals(List.of(), problems);
    }

    private JsonNode chronology(String franchise, String order) {
        HttpResponse<String> response = server.get("/api/franchises/" + franchise + "/chronology?order=" + order);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = RunningServer.json(response);
        assertEquals(order, body.get("order").asText());
        assertEquals(franchise, body.at("/franchise/slug").asText());
        assertEquals(0, body.get("conflicts").size(), body.toString());
        return body;
    }

    /** Every film of these franchises is tied into the story by placement edges. */
    private static void allStated(JsonNode body) {
        body.get("entries").forEach(e -> assertEquals("stated", e.get("placement").asText(), e.get("slug").asText()));
    }

    private static List<String> slugs(JsonNode body) {
        List<String> slugs = new ArrayList<>();
        body.get("entries").forEach(e -> slugs.add(e.get("slug").asText()));
        return slugs;
    }
}
