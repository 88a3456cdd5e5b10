package org.reelgraph.extract;

import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The blind-c / blind-d and blind-e / blind-f trap classes, each on an invented text. */
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
    @Test
    void aBygoneCueAfterAnAsideOrAFarAbsentStillMakesThePossessiveAPartElsewhere() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                Rex Moller's Captain Grim, the one-eyed villain of the first film, is not replaced by anyone.
                Ida Sorel's Mara is, for reasons nobody explains, absent. Do not expect Pia Lund's Nora from last time.
                Lena Quist's Olga steals every scene she is in, and she has never been better.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(has(st, "starring", "Lena Quist", "Olga"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
        assertTrue(!has(st, "starring", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "starring", "Pia Lund", null), show(st));
    }

    @Test
    void aPossessivePartFollowedByAFutureCueIsAnotherFilms() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance. Half of it sets up
                the spin-off, due in 1990, and Rex Moller's Captain Grim next summer.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void appearingOnlyInAPhotographIsNotStarring() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                Rex Moller appears only in a photograph.
                """);
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void fromDirectorAfterAnotherTitleOfTheFranchiseIsThatFilmsDirector() {
        List<Statement> st = facts("""
                Otterby 2 (2018) is directed by Ana Lindqvist. The studio went back to the harbour:
                Harbour Lights Rising, from director Rex Moller, followed in 2021.
                """);
        assertTrue(has(st, "directedBy", "Ana Lindqvist", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void aNameAfterAnArticleModifiesANounAndIsNotStarring() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                Anyone hoping for a Rex Moller cameo will be let down. Hal Brooner nails the Ida Sorel voice.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
        assertTrue(!has(st, "starring", "Ida Sorel", null), show(st));
    }

    @Test
    void aPossessivePartThatWentWithSomeoneIsNotStarring() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                The old captain is long gone, and Rex Moller's Mara went with him.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void whoDirectedItAfterAnotherTitleIsThatFilmsDirector() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller directed by Ida Sorel.
                We all walked out of Storm Bay (1985) grumbling about Rex Moller, who directed it, and his endless speeches.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }
}
