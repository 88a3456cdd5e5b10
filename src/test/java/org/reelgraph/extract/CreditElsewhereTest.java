package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The mechanisms of the blind-k / blind-l round, each on an invented text. */
class CreditElsewhereTest {
    @Test
    void starringRightAfterAnotherFilmsYearIsThatFilmsCast() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance. Ida Sorel, best known for
                the moody saga Storm Bay (1985) starring Rex Moller, directs with a steady hand.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void directedByRightAfterAnotherFilmsYearIsThatFilmsDirector() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller directed by Ida Sorel. Some context: Storm Bay (1985), directed by
                Rex Moller, had been slow and solemn.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void theFirstFilmWasDirectedByIsAnotherFilmsDirector() {
        List<Statement> st = facts("""
                Night Ferry 3 (1988) is a thriller directed by Ida Sorel. The first film was directed by Rex Moller
                and Lena Quist, and some of its charm is missing here.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
        assertTrue(!has(st, "directedBy", "Lena Quist", null), show(st));
    }

    @Test
    void noMatchForIsAComparison() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance. 
                Brooner is cool, though no match for Rex Moller's Captain Grim, who is the gold standard.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void aColonEndsAnOtherWorkCueSoTheTitleAfterItIsOfferedPlainly() {
        List<FilmScore> s = FilmChoiceTest.scores("""
                This week's pick was asked for more than any film since we started: 1988's Night Ferry. Night Ferry
                holds up. Some context: Storm Bay (1985) had been slow.
                """);
        assertEquals("Night Ferry", s.get(0).title(), s::toString);
    }

    @Test
    void aListHeadlineNamesItsFilmAfterFrom() {
        List<FilmScore> s = FilmChoiceTest.scores("""
                5 Things We Learned From Night Ferry

                The director, best known for the moody saga Storm Bay (1985), takes over here. It is loud.
                """);
        assertEquals("Night Ferry", s.get(0).title(), s::toString);
    }
}
