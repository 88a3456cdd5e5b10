package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/**
 * Which film a review is about ({@link FilmScore}): the evidence weighed, on short texts written
 * for these tests (titles are invented, so no rule can know them).
 */
class FilmChoiceTest {
    /** A small graph: a franchise with two earlier films of the same name, and a one-off film. */
    static final Gazetteer GAZ = gazetteer("""
            @prefix rg: <https://w3id.org/reelgraph/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix f: <https://w3id.org/reelgraph/id/film/> .
            @prefix fr: <https://w3id.org/reelgraph/id/franchise/> .
            fr:harbour a rg:Franchise ; rdfs:label "Harbour Lights"@en .
            f:harbour-lights-1979 a rg:Film ; rdfs:label "Harbour Lights"@en ; rg:partOfFranchise fr:harbour ; rg:releaseDate "1979-10-26"^^xsd:date .
            f:harbour-lights-2009 a rg:Film ; rdfs:label "Harbour Lights"@en ; rg:partOfFranchise fr:harbour ; rg:releaseDate "2009-08-28"^^xsd:date .
            fr:otter a rg:Franchise ; rdfs:label "Otterby"@en .
            f:otterby-2015 a rg:Film ; rdfs:label "Otterby"@en ; rg:partOfFranchise fr:otter ; rg:releaseDate "2015-01-16"^^xsd:date .
            """);

    static Gazetteer gazetteer(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).lang(Lang.TURTLE).parse(g);
        return Gazetteer.fromGraph(g);
    }

    static FilmMention film(String text) {
        return ReviewExtractor.withDefaultRules().extract(text, GAZ).film();
    }

    static List<FilmScore> scores(String text) {
        return ReviewExtractor.withDefaultRules().filmScores(text, GAZ);
    }

    @Test
    void anotherPersonsPossessiveFilmIsNotTheReviewedFilm() {
        String text = """
                Dear Sam,

                I finally went to see Cold Meridian on my own. Cold Meridian is slow, and I loved it. There is a scene
                where two characters watch Agnes Varga's The Long Field (1961) on a motel television, and Cold Meridian
                never lets you forget it.
                """;
        List<FilmScore> s = scores(text);
        assertEquals("Cold Meridian", s.get(0).title(), s::toString);
        FilmScore other = s.stream().filter(x -> x.title().equals("The Long Field")).findFirst().orElseThrow();
        assertTrue(other.points().get("possessive") < 0, other::explain);
    }

    @Test
    void aSequelNumberExtendsAKnownTitle() {
        String text = """
                Otterby 2 is the rare sequel that improves on the original

                If you missed Otterby, don't worry: Otterby 2 stands on its own, and the otter is funnier than ever.
                """;
        FilmMention f = film(text);
        assertEquals("Otterby 2", f.title());
        assertNull(f.year(), "neither the text nor the graph gives a year");
        assertTrue(!f.inGraph());
    }

    @Test
    void theYearOfTheTwentyEighteenFilmPicksANewFilmOverTheOldOneOfTheSameName() {
        String text = """
                Harbour Lights review: the fog rolls in again

                This is a direct sequel to Ines Moreau's original Harbour Lights (1979), and it ignores the 2009 remake.
                Harbour Lights is patient and cold, and the 2021 film earns its bare title.
                """;
        FilmMention f = film(text);
        assertEquals("Harbour Lights", f.title());
        assertEquals(2021, f.year(), () -> scores(text).toString());
        FilmScore top = scores(text).get(0);
        assertEquals(3.0, top.points().get("year-cue"), top::explain);
        assertEquals(5.0, top.points().get("headline"), top::explain);
    }

    @Test
    void anAllCapitalsHeadlineMatchesTheTitleAndTheFilmIsShownInMixedCase() {
        String text = """
                OTTERBY 2 (2018)
                Directed by Ana Lindqvist. 90 min.

                Picking up where Otterby (2015) left off, Otterby 2 sends the otter to sea.
                """;
        FilmMention f = film(text);
        assertEquals("Otterby 2", f.title());
        assertEquals(2018, f.year());
    }

    @Test
    void aColumnLabelBeforeTheTitleIsNotPartOfIt() {
        String text = """
                Cult Corner: Night Ferry (1988)

                Night Ferry (1988) is the strangest thriller a studio ever paid for, and Night Ferry still works.
                """;
        assertEquals("Night Ferry", film(text).title());
    }

    @Test
    void aHeadlineShortFormIsTheFullTitleTheTextGives() {
        String text = """
                Meridian review: a quiet triumph

                Cold Meridian: Part of the Sky opens with a funeral. Meridian is the best film of the year.
                Later we learn that Cold Meridian: Part of the Sky (2024) was shot in eleven days.
                """;
        FilmMention f = film(text);
        assertEquals("Cold Meridian: Part of the Sky", f.title());
        assertEquals(2024, f.year());
    }

    @Test
    void aColumnNameInCapitalsIsNotATitle() {
        String text = """
                WEEKEND MOVIE MINUTE, Friday, May 25, 2012
                Good morning, and welcome to Weekend Movie Minute.
                Otterby 2 is a sequel to Otterby, and it is better than the first. That's Weekend Movie Minute.
                """;
        FilmMention f = film(text);
        assertEquals("Otterby 2", f.title());
        assertEquals(2012, f.year(), "a new film reviewed in a dated issue takes the issue's year");
    }

    @Test
    void everyScoreExplainsItsPoints() {
        FilmScore s = scores("Night Ferry (1988) is strange. Night Ferry works.").get(0);
        assertTrue(s.explain().startsWith("Night Ferry (1988) = "), s.explain());
        assertEquals(s.total(), s.points().values().stream().mapToDouble(Double::doubleValue).sum());
    }
    @Test
    void anAsideGivesTheTitleBeforeItItsYear() {
        List<FilmScore> s = scores("""
                Everyone remembers Otterby (2015). Fewer people will admit to loving Cold Meridian, the 1991 follow-up,
                but Cold Meridian is the better film.
                """);
        FilmScore c = s.stream().filter(x -> x.title().equals("Cold Meridian")).findFirst().orElseThrow();
        assertEquals(1991, c.year(), s::toString);
        assertEquals(2.0, c.points().get("dated"), c::explain);
        assertEquals(2013, film("""
                Cold Meridian
                Words: Ana Lindqvist

                Cold Meridian, released in the summer of 2013, is a prequel to Otterby (2015). Cold Meridian is slow.
                """).year());
    }

    @Test
    void aTitleMayStartWithANumberAndACapitalsLabelIsNotPartOfIt() {
        FilmMention f = film("""
                A few people at last night's screening of 28 Cold Nights (2007) were watching through their fingers.
                28 Cold Nights is relentless.
                """);
        assertEquals("28 Cold Nights", f.title());
        assertEquals(2007, f.year());
        FilmMention g = film("""
                THE SATURDAY REEL

                MAIN FEATURE: Cold Meridian (2022)

                Cold Meridian is slow, and I loved it.
                """);
        assertEquals("Cold Meridian", g.title());
    }

    @Test
    void theYearOfAKnownFilmOrOfAnotherPersonsFilmIsNoYearCue() {
        // "the 2009 film" is the graph's Harbour Lights (2009); "After Rex Moller's 2016 reboot" is someone else's film
        FilmMention f = film("""
                Cold Meridian review: the fog rolls in

                After Rex Moller's 2016 reboot, divided audiences, the studio went back. Cold Meridian is a sequel
                to Otterby (2015), and how much you like it depends on how much you loved the 2009 film Harbour Lights.
                """);
        assertEquals("Cold Meridian", f.title());
        assertNull(f.year(), () -> scores("x").toString());
    }
    @Test
    void aKnownTitleWithOneMoreCapitalisedWordThatTheTextRepeatsIsASequelTitle() {
        FilmMention f = film("""
                Thirty years on, Otterby Returns is still the strangest family film ever made

                There is a moment early in Otterby Returns when the otter steals a boat. It was named after Ida Sorel,
                the star of Cold Meridian (1922), and it is a sequel to Otterby (2015).
                """);
        assertEquals("Otterby Returns", f.title(), () -> scores("x").toString());
    }
}
