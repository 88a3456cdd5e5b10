package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The blind-s / blind-t round's fixes (two traps, a versioned sequel number), each on an invented text that fails without it. */
class Round10TrapTest {
    @Test
    void aPossessedTitleBeforeAWordForSeveralFilmsNamesNoDirector() {
        List<Statement> st = facts("""
                Otterby (2015) is a spin-off of Mara Lindqvist's Otterby trilogy, and it is fun.
                """);
        assertFalse(has(st, "directedBy", "Mara Lindqvist", null), show(st));
        List<Statement> own = facts("""
                Otterby (2015) is a heist film. Mara Lindqvist's Otterby is fun.
                """);
        assertTrue(has(own, "directedBy", "Mara Lindqvist", null), "the reviewed film itself still names her: " + show(own));
    }

    @Test
    void neitherNorNegatesThePlacementButNotTheRestOfTheSentence() {
        List<Statement> st = facts("""
                Harbour Lights (2009) is neither a sequel to Harbour Lights (1979) nor a reboot, and Hal Brooner plays the ferryman, Tom Vance.
                """);
        assertFalse(st.stream().anyMatch(s -> s.predicate().equals("setAfter")), show(st));
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
    }

    @Test
    void lessASequelThanNegatesThePlacement() {
        List<Statement> st = facts("""
                Harbour Lights (2009) is less a sequel to Harbour Lights (1979) than a reboot.
                """);
        assertFalse(st.stream().anyMatch(s -> s.predicate().equals("setAfter")), show(st));
    }

    @Test
    void aVersionedSequelNumberIsPartOfTheTitle() {
        assertEquals("Storm Bay 2U", FilmChoiceTest.film("""
                Storm Bay 2U is the oddest sequel of the year

                Storm Bay 2U picks up where Storm Bay (1990) left off, the morning after.
                """).title());
        assertEquals("Storm Bay 2.0", FilmChoiceTest.film("""
                Storm Bay 2.0 is the oddest sequel of the year

                Storm Bay 2.0 picks up where Storm Bay (1990) left off, the morning after.
                """).title());
    }
}
