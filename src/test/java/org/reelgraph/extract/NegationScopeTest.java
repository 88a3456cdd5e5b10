package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reelgraph.extract.GeneralisationTest.facts;
import static org.reelgraph.extract.GeneralisationTest.has;
import static org.reelgraph.extract.GeneralisationTest.show;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The blind-o / blind-p round's negation work, each on an invented text: contractions are split as the UD treebank
 * splits them, so "n't" cues match; and the scopes a negation reaches are narrowed where a corpus-wide run showed
 * the split negations (and "not") reaching too far. Scope tests use "not" so that they test the scope, not the split.
 */
class NegationScopeTest {
    private static List<String> tokens(String sentence) {
        return new TextAnalyzer().analyse(sentence).tokens().stream().map(Token::text).toList();
    }

    @Test
    void contractionsAreSplitLikeTheTreebank() {
        assertEquals(List.of("He", "does", "n't", "return", ",", "wo", "n’t", "stay", "and", "can", "not", "leave", "."),
                tokens("He doesn't return, won’t stay and cannot leave."));
        assertEquals(List.of("Don", "’s", "film"), tokens("Don’s film"), "a possessive is no contraction");
    }

    @Test
    void anNtCueMatchesEveryContraction() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) is a thriller.
                Rex Moller doesn't return as Captain Grim, and Hal Brooner plays the ferryman, Tom Vance.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void aContractionCannotBeOneOfAlternativesInARule() {
        String rules = "starring  0.8  {PERSON} doesn't|does return\n";
        var e = assertThrows(IllegalArgumentException.class,
                () -> Rules.read(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)), "r.txt"));
        assertTrue(e.getMessage().startsWith("r.txt:1: "), e.getMessage());
    }

    @Test
    void aColonEndsANegation() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) is a thriller, and not all of it has aged well: Rex Moller's Captain Grim is rubbery.
                """);
        assertTrue(has(st, "starring", "Rex Moller", "Captain Grim"), show(st));
    }

    @Test
    void commaSoEndsANegation() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) is a thriller. Ida Sorel did not return either, so Captain Grim is played by Rex Moller.
                """);
        assertTrue(has(st, "starring", "Rex Moller", "Captain Grim"), show(st));
    }

    @Test
    void commaWhichEndsAFutureCue() {
        List<Statement> st = facts("""
                Storm Bay (1990) is a thriller.
                The studio has announced four more, which is a lot for a spin-off of Harbour Lights.
                """);
        assertTrue(has(st, "spinOffOf", "Harbour Lights", null), show(st));
    }

    @Test
    void aNegationInAWhoClauseNegatesThatClauseOnly() {
        List<Statement> st = facts("""
                For those who have not seen the first one, Otterby 2 (2018) is the sequel to Otterby.
                """);
        assertTrue(has(st, "setAfter", "Otterby", null), show(st));
    }

    @Test
    void aNegationInARelativeClauseIsNoBygoneCue() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) is a thriller. Ida Sorel's Mara is pregnant, which she has not told him.
                """);
        assertTrue(has(st, "starring", "Ida Sorel", "Mara"), show(st));
    }

    @Test
    void aNegatedStoryVerbLeavesAParenthesisedCredit() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) is a thriller. Tom Vance still cannot tell Mara (Ida Sorel) how he feels.
                """);
        assertTrue(has(st, "starring", "Ida Sorel", "Mara"), show(st));
    }

    /** The counter-test: other names after a negated story verb stay blocked. */
    @Test
    void aNegatedStoryVerbStillBlocksAPossessivePart() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) is a thriller. The film never lets Rex Moller's Captain Grim hang over it.
                """);
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }

    @Test
    void reportsIsAHedge() {
        List<Statement> st = facts("""
                Storm Bay 2 (1990) is a thriller. Hal Brooner plays the ferryman, Tom Vance.
                There were reports last year that the studio had lined up Rex Moller as a replacement.
                """);
        assertTrue(has(st, "starring", "Hal Brooner", "Tom Vance"), show(st));
        assertTrue(!has(st, "starring", "Rex Moller", null), show(st));
    }
}
