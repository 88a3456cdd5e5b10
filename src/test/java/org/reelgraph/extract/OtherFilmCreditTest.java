package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The trap mechanisms of the blind-o / blind-p round, each on an invented text. */
class OtherFilmCreditTest {
    @Test
    void theWaySheDidWithOtherFilmsIsAComparison() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) is a comedy. Mara Quell directs again, and she keeps it bright and fast, the way she
                did with the Harbour Lights films. Hal Brooner plays the ferryman, Tom Vance.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "partOfFranchise", "Harbour Lights", null), show(st));
    }

    @Test
    void whichStarredAfterAnEarlierYearsOriginalIsThatFilmsCast() {
        List<Statement> st = facts("""
                Storm Bay (2010) is a remake of the 1984 original, which starred Rex Moller as a lonely ferryman and Ida
                Sorel as his sister. Hal Brooner plays the ferryman, Tom Vance.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
        assertTrue(!has(st, "starring", "Ida Sorel", null), show(st));
    }

    @Test
    void whichStarredAfterTheFirstFilmIsThatFilmsCast() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) goes back to sea. The first film, which starred Rex Moller as a lonely ferryman, was
                a hit. Hal Brooner plays the ferryman, Tom Vance.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void whichWasDirectedByAfterADatedOtherTitleIsThatFilmsDirector() {
        List<Statement> st = facts("""
                Storm Bay (1990) is set on the coast of Night Ferry (1961), which was directed by Rex Moller.
                Hal Brooner plays the ferryman, Tom Vance, and Ida Sorel directs.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }

    /** The guard's counter-test: the cue alone, after the reviewed film, changes nothing. */
    @Test
    void whichStarredAfterTheReviewedFilmStillCasts() {
        List<Statement> st = facts("""
                Storm Bay (1990), which starred Rex Moller as a lonely ferryman, is back in cinemas this week.
                """);
        assertTrue(has(st, "starring", "Rex Moller", null), show(st));
    }
}
