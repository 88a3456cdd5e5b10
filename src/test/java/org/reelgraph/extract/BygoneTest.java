package org.reelgraph.extract;

import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The blind-c / blind-d trap classes, each on an invented text. */
class BygoneTest {
    @Test
    void aPossessivePartThatIsDeadOrUnmentionedIsNotStarring() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                Rex Moller's Captain Grim, of course, is dead and gone. Ida Sorel's Mara is not even mentioned.
                Lena Quist's Nora steals every scene she is in.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(has(st, "starring", "Lena Quist", "Nora"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
        assertTrue(!has(st, "starring", "Ida Sorel", null), show(st));
    }

    @Test
    void aPartInTheFirstFilmIsNotStarring() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance. Grim, the villain
                voiced by Rex Moller in the first film, is nowhere near this one.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void notComingBackIsNotStarring() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner is Tom Vance, the ferryman; Rex Moller did not come back as Grim.
                """);
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void directedByAfterAnotherTitleAndFutureDirectorsAreNotDirectedBy() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller directed by Ida Sorel. The series, which already includes the
                spin-off Storm Bay (1985), directed by Rex Moller, is in good hands. A sequel, to be directed by
                Lena Quist, is in the works.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
        assertTrue(!has(st, "directedBy", "Lena Quist", null), show(st));
    }
}
