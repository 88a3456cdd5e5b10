package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The blind-o / blind-p round's film-choice mechanism: a column label before a dated headline title. */
class ColumnLabelTest {
    @Test
    void aLabelBeforeTheFirstColonOfADatedHeadlineThatTheTextNeverRepeatsIsNoPartOfTheTitle() {
        String text = """
                Rewind Corner: Storm Bay 2: Night Crossing (1997)

                Storm Bay 2 puts the ferry back to sea. Hal Brooner plays the ferryman, Tom Vance.
                """;
        FilmMention film = FilmChoiceTest.film(text);
        assertEquals("Storm Bay 2: Night Crossing", film.title(), () -> film + " " + FilmChoiceTest.scores(text));
        assertEquals(1997, film.year());
    }

    /** Counter-test: a part before the colon that the text repeats is the title's own. */
    @Test
    void aRepeatedPartBeforeTheColonStaysInTheTitle() {
        String text = """
                Rewind Corner: Storm Bay 2: Night Crossing (1997)

                Rewind Corner looks back. Storm Bay 2 puts the ferry back to sea. Hal Brooner plays the ferryman, Tom Vance.
                """;
        assertEquals("Rewind Corner: Storm Bay 2: Night Crossing", FilmChoiceTest.film(text).title());
    }

    /** Counter-test: a franchise the graph knows before the colon stays in the title. */
    @Test
    void aKnownFranchiseBeforeTheColonStaysInTheTitle() {
        String text = """
                Harbour Lights: Night Crossing (2012)

                Night Crossing puts the ferry back to sea. Hal Brooner plays the ferryman, Tom Vance.
                """;
        assertEquals("Harbour Lights: Night Crossing", FilmChoiceTest.film(text).title());
    }
}
