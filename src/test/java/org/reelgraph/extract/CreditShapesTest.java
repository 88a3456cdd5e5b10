package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Round 9 (blind-q / blind-r): director and cast shapes added to rules.txt, each on an invented text. */
class CreditShapesTest {
    private static final String FILM = "Storm Bay (1990) is a comedy about a ferry. ";

    @Test
    void theDirectorIsX() {
        List<Statement> st = facts(FILM + "The director is Mara Quell, who cut her teeth on shorts.");
        assertTrue(has(st, "directedBy", "Mara Quell", null), show(st));
    }

    @Test
    void xIsBackInTheDirectorsChair() {
        List<Statement> st = facts(FILM + "Mara Quell is back in the director's chair.");
        assertTrue(has(st, "directedBy", "Mara Quell", null), show(st));
    }

    @Test
    void helmedOnceAgainByADuo() {
        List<Statement> st = facts("Helmed once again by the Danish duo Ida Sorel and Rex Moller, Storm Bay (1990) is loud.");
        assertTrue(has(st, "directedBy", "Ida Sorel", null), show(st));
        assertTrue(has(st, "directedBy", "Rex Moller", null), show(st));
    }

    @Test
    void theDirectingDebutOfX() {
        List<Statement> st = facts(FILM + "This is the directing debut of Mara Quell, and she has a patient way with a scare.");
        assertTrue(has(st, "directedBy", "Mara Quell", null), show(st));
    }

    @Test
    void characterTheNounVoicedAgainByX() {
        List<Statement> st = facts(FILM + "Manny the otter, voiced again by Hal Brooner, is about to become a father.");
        assertTrue(has(st, "starring", "Hal Brooner", "Manny"), show(st));
    }

    @Test
    void xPlaysHerBrotherYIsNoPronounForAnEarlierCharacter() {
        List<Statement> st = facts(FILM + "Elise Rainier is the ferry's captain. Hal Brooner plays her estranged younger brother, Christian.");
        assertTrue(has(st, "starring", "Hal Brooner", "Christian"), show(st));
        assertTrue(!has(st, "starring", "Hal Brooner", "Elise Rainier"), show(st));
    }

    @Test
    void aAndBAreHisDaughtersCAndD() {
        List<Statement> st = facts(FILM + "Ida Sorel and Rex Moller are his daughters, Melissa and Imogen, who get pulled into it.");
        assertTrue(has(st, "starring", "Ida Sorel", "Melissa"), show(st));
        assertTrue(has(st, "starring", "Rex Moller", "Imogen"), show(st));
    }

    @Test
    void xIsTheVoiceOfYAndXLendsHerVoiceToY() {
        List<Statement> st = facts(FILM + "Hal Brooner is, as ever, the voice of Captain Tom. Ida Sorel lends her voice to Airazor, a gull.");
        assertTrue(has(st, "starring", "Hal Brooner", "Captain Tom"), show(st));
        assertTrue(has(st, "starring", "Ida Sorel", "Airazor"), show(st));
    }

    @Test
    void xCommaBackAsY() {
        List<Statement> st = facts(FILM + "The big draw is Ida Sorel, back as Laurie Vance for the first time in years.");
        assertTrue(has(st, "starring", "Ida Sorel", "Laurie Vance"), show(st));
    }

    @Test
    void yIsPlayedByAVeryYoungX() {
        List<Statement> st = facts(FILM + "Her teenage son John is played by a very young Hal Brooner in his first role.");
        assertTrue(has(st, "starring", "Hal Brooner", "John"), show(st));
    }
}
