package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Round 9 (blind-q / blind-r): a credit participle attaches to the noun phrase it follows, across a relative clause. */
class ParticipleAttachmentTest {
    @Test
    void directedByAfterARelativeClauseOnAnEarlierVersionIsThatVersionsDirector() {
        List<Statement> st = facts("""
                Storm Bay (1999) is loud and fun. Those who remember the 1961 version that started the whole series, \
                directed by Rex Moller, may miss its calm. Ida Sorel directs this one, and Hal Brooner plays the
                ferryman, Tom Vance.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void starringAfterARelativeClauseOnAnotherDatedTitleIsThatFilmsCast() {
        List<Statement> st = facts("""
                Storm Bay (1999) is loud and fun. It borrows from Night Ferry (1961), which nobody saw, starring Rex \
                Moller. Hal Brooner plays the ferryman, Tom Vance.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    /** Counter-test: the same shape about the reviewed film still credits it. */
    @Test
    void directedByAfterARelativeClauseOnTheReviewedFilmStillCredits() {
        List<Statement> st = facts("""
                Storm Bay (1999), which opens this week, directed by Ida Sorel, is loud and fun. Hal Brooner plays the
                ferryman, Tom Vance.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
    }
}
