package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The mechanisms of the blind-m / blind-n round, each on an invented text. */
class OwnWorkTest {
    @Test
    void possessiveTitleAfterAnOtherWorkCueIsThePossessorsOtherFilmEvenWhenChosenAsTheFilm() {
        // The only title in the text is the earlier film, so the film choice takes it; "after X's Title" still is X's other work.
        List<Statement> st = facts("""
                Released in June, this one is the third in the series, after Rex Moller's Storm Bay (1985), although
                it ignores that film's ending. Hal Brooner plays the ferryman, Tom Vance.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void possessiveTitleWithoutACueStillNamesTheDirector() {
        List<Statement> st = facts("""
                Rex Moller's Storm Bay (1985) is a slow, solemn thriller. Hal Brooner plays the ferryman, Tom Vance.
                """);
        assertTrue(has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void wontFindIsAbsence() {
        List<Statement> st = facts("""
                Storm Bay 2 (1988) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                What you won't find is Rex Moller's Captain Grim, or any of the old crew.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void aHeadlineTitleAfterAColonPastTheOpeningWordsIsACandidate() {
        String text = """
                Two friends, one boat: Storm Bay Rising

                Storm Bay Rising is the second in the series, after Rex Moller's Night Ferry (1985). Hal Brooner plays
                the ferryman, Tom Vance, and Storm Bay Rising never lets up.
                """;
        FilmMention film = FilmChoiceTest.film(text);
        assertTrue(film.title().equals("Storm Bay Rising"), () -> film + " " + FilmChoiceTest.scores(text));
    }

    @Test
    void aHeadlineTitleClosingTheLineAfterALowerCaseWordIsACandidate() {
        String text = """
                Critic's Notebook: the rage returns in 28 Storms Later

                More than a decade after Rex Moller's Night Ferry (1985), 28 Storms Later brings the ferry back, and
                Hal Brooner plays the ferryman, Tom Vance. 28 Storms Later never lets up.
                """;
        FilmMention film = FilmChoiceTest.film(text);
        assertTrue(film.title().equals("28 Storms Later"), () -> film + " " + FilmChoiceTest.scores(text));
    }
}
