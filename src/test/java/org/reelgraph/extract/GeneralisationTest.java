package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Rule shapes and traps that were found missing on blind sets, each on a short invented text (names
 * made up, so only the mechanism can get them right).
 */
class GeneralisationTest {
    static List<Statement> facts(String text) {
        return ReviewExtractor.withDefaultRules().extract(text, FilmChoiceTest.GAZ).statements();
    }

    static String show(List<Statement> st) {
        return st.stream().map(s -> s.predicate() + " " + s.object() + (s.character() == null ? "" : " as " + s.character()))
                .collect(Collectors.joining("\n"));
    }

    static boolean has(List<Statement> st, String predicate, String object, String character) {
        return st.stream().anyMatch(s -> s.predicate().equals(predicate) && s.object().equals(object)
                && (character == null ? true : character.equals(s.character())));
    }

    @Test
    void aPartInAnotherPersonsFilmIsNotStarring() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. Hal Brooner is the ferryman, Tom Vance. It owes a debt to
                Rex Moller's Captain Grim in Ida Sorel's Storm Bay (1961), and Night Ferry is better for it.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
        assertTrue(!has(st, "directedBy", "Ida Sorel", null), show(st));
    }

    @Test
    void aPassiveCastingIsReadTheRightWayRound() {
        List<Statement> st = facts("Night Ferry (1988) is a thriller. Tom Vance is played by Hal Brooner, and he is superb.");
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(st.stream().noneMatch(s -> "Hal Brooner".equals(s.character())), show(st));
    }

    @Test
    void himOrHerStandsForTheCharacterNamedBefore() {
        List<Statement> st = facts("""
                Night Ferry (1988) is a thriller. The crew is led by Maud Kessel, a smuggler with one eye, and
                Ilse Varro plays her like a bored duchess.
                """);
        assertTrue(has(st, "starring", "Ilse Varro", "Maud Kessel"), show(st));
    }

    @Test
    void aDeputyDirectorInTheStoryIsNotTheFilmsDirector() {
        List<Statement> st = facts("Night Ferry (1988) is a thriller. Director Ana Lindqvist keeps it taut; the villain is CIA deputy director Noel Marsh.");
        assertTrue(has(st, "directedBy", "Ana Lindqvist", null), show(st));
        assertTrue(!has(st, "directedBy", "Noel Marsh", null), show(st));
    }

    @Test
    void directorListsAndPickingUpWhereAKnownFilmLeftOff() {
        List<Statement> st = facts("""
                OTTERBY 2 (2018)
                Directed by Ana Lindqvist, Piet Haas and Mira Solden. 98 min.

                Otterby 2 picks up where Otterby (2015) left off, and the otter is funnier than ever.
                """);
        for (String d : List.of("Ana Lindqvist", "Piet Haas", "Mira Solden"))
            assertTrue(has(st, "directedBy", d, null), d + "\n" + show(st));
        assertTrue(has(st, "setAfter", "Otterby", null), show(st));
    }

    @Test
    void twoDirectorsWhoShareASurname() {
        List<Statement> st = facts("Night Ferry (1988) is a thriller. Directed by Ana and Piet Lindqvist, it never lets up.");
        assertTrue(has(st, "directedBy", "Ana Lindqvist", null), show(st));
        assertTrue(has(st, "directedBy", "Piet Lindqvist", null), show(st));
    }

    @Test
    void aDirectorWhoReturnsToDirect() {
        List<Statement> st = facts("Night Ferry (1988) is a thriller. Ana Lindqvist returns to direct, and it shows.");
        assertTrue(has(st, "directedBy", "Ana Lindqvist", null), show(st));
        assertTrue(!has(st, "starring", "Ana Lindqvist", null), show(st));
    }

    @Test
    void anActorsPossessiveOfTheTitleIsTheirCharacterNotTheirFilm() {
        List<Statement> st = facts("""
                I went to see Varga on my own. Hal Brooner plays the old sailor, Tom Varga, and Brooner's Varga
                is tired and funny. Director Ana Lindqvist keeps it moving.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Varga"), show(st));
        assertTrue(!has(st, "directedBy", "Hal Brooner", null), show(st));
    }

    @Test
    void aBylineWithoutByAndACreditWithCourtesy() {
        List<Statement> st = facts("""
                Night Ferry (1988)
                Gus Ferrante

                Night Ferry (1988) is a thriller, and Night Ferry is good.

                Photo: Harbour Films / Courtesy of IMDb
                """);
        assertTrue(has(st, "reviewedBy", "Gus Ferrante", null), show(st));
        Statement credit = st.stream().filter(s -> s.predicate().equals("creditedTo")).findFirst().orElseThrow();
        assertEquals("Harbour Films", credit.object());
        assertEquals("IMDb", credit.via());
    }
}
