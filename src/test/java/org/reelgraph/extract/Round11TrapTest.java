package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The blind-u .. blind-x round's trap fixes, each on an invented text that fails without it. */
class Round11TrapTest {
    @Test
    void aPossessiveBeforeACommonNounNamesAThingNotAPart() {
        List<Statement> st = facts("""
                Harbour Lights (2009) is a thriller. Hal Brooner's score borrows Tom Vance's Skyhawk march, and it works.
                """);
        assertFalse(st.stream().anyMatch(s -> s.predicate().equals("starring") && s.object().equals("Tom Vance")), show(st));
        List<Statement> part = facts("""
                Harbour Lights (2009) is a thriller. Tom Vance's Skyhawk is the best thing in it.
                """);
        assertTrue(has(part, "starring", "Tom Vance", "Skyhawk"), "a possessive part still counts: " + show(part));
    }

    @Test
    void anImpressionOfAnotherActorsPartIsNoCredit() {
        List<Statement> st = facts("""
                Harbour Lights (2009) is a thriller, with Hal Brooner in a perfect impression of Tom Vance's Captain Reed.
                """);
        assertFalse(st.stream().anyMatch(s -> s.predicate().equals("starring") && s.object().equals("Tom Vance")), show(st));
    }

    @Test
    void withAfterAnotherDatedFilmCreditsThatFilm() {
        List<Statement> st = facts("""
                Harbour Lights (2009) is a thriller. Mara Lindqvist's Harbour Lights (1979), with Tom Vance as a very young Reed, is remembered as a mess.
                """);
        assertFalse(st.stream().anyMatch(s -> s.predicate().equals("starring") && s.object().equals("Tom Vance")), show(st));
    }

    @Test
    void thatOneAfterAnotherFilmIsThatFilm() {
        List<Statement> st = facts("""
                Harbour Lights (2009) is a thriller. You know how much I hated Storm Bay (1990). That one was directed by Tom Vance and felt assembled.
                """);
        assertFalse(has(st, "directedBy", "Tom Vance", null), show(st));
        List<Statement> own = facts("""
                Harbour Lights (2009) is a thriller. This one was directed by Tom Vance and felt assembled.
                """);
        assertTrue(has(own, "directedBy", "Tom Vance", null), "the reviewed film's own credit still counts: " + show(own));
    }
}
