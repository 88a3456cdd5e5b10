package org.reelgraph.extract;

import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The trap classes of the blind-c / blind-d to blind-i / blind-j rounds, each on an invented text. */
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

    // --- the blind-i / blind-j round

    @Test
    void anAbsentCueAfterAnAsideCoversTheAsideAndTheSubjectBeforeIt() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                Rex Moller's Captain Grim, from the island chapter directed by Ida Sorel, is nowhere to be seen.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
        assertTrue(!has(st, "directedBy", "Ida Sorel", null), show(st));
    }

    @Test
    void aYearThatIsNotTheFilmsAfterAPossessivePartMakesItAnotherFilms() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                Fans of Rex Moller's Captain Grim from the 1985 film get a single wink here.
                Lena Quist's Olga, from the 1988 cast list, steals every scene she is in.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(has(st, "starring", "Lena Quist", "Olga"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void aPossessivePartThatStaysBehindIsNotStarring() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                Rex Moller's Captain Grim stays in Lisbon.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void directedByAfterTheYearAndNounOfAnotherFilmIsThatFilmsDirector() {
        List<Statement> st = facts("""
                Night Ferry (1988) is the 1988 thriller directed by Ida Sorel.
                It borrows its harbour from the 1985 side-step directed by Rex Moller.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void aShortTitleFollowedByASequelNumberIsAnotherFilmNotThisOne() {
        List<Statement> st = facts("""
                Night Ferry: Low Tide (1991) is directed by Ida Sorel. Hal Brooner plays the ferryman, Tom Vance.
                It is the best sequence in the series since Rex Moller's Night Ferry 2 (1990).
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void aDirectorListEndsWhereAVerbStartsTheNextClause() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner's film, co-directed by Ida Sorel, came after Rex Moller's
                big hit and was a success.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void aSpinOffThatFansAreCallingForIsNotThisFilmsRelation() {
        List<Statement> st = facts("""
                Otterby 2 (2018) is the second Otterby film. The two otters are so good together that fans are
                already calling for a spin-off for the pair.
                """);
        assertTrue(has(st, "partOfFranchise", "Otterby", null), show(st));
        assertTrue(!has(st, "spinOffOf", "Otterby", null), show(st));
    }

    @Test
    void anAcronymBeforeANounModifiesItAndTheNameAfterIsTheCharacter() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner plays CIA director Tom Vance with a scowl,
                and Lena Quist is a TV reporter, Olga Marsh.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(has(st, "starring", "Lena Quist", "Olga Marsh"), show(st));
    }

    @Test
    void anIndefiniteArticleAfterADirectorsCommaStartsAnAppositionNotAListItem() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Directed by Ida Sorel, a New Zealander, it moves fast.
                """);
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(!has(st, "directedBy", "New Zealander", null), show(st));
    }
}
