package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 5 point 9, the library's part: texts that cannot be a review fail with a message a person can act on. */
class BadInputTest {
    private static ExtractionException fails(String text) {
        return assertThrows(ExtractionException.class, () -> ReviewExtractor.withDefaultRules().extract(text, Corpus.gazetteer()));
    }

    @Test
    void emptyAndBlankTextsAreRefused() {
        assertTrue(fails("").getMessage().contains("empty"));
        assertTrue(fails(" \n\t\n").getMessage().contains("empty"));
        assertTrue(fails(null).getMessage().contains("empty"));
    }

    @Test
    void binaryTextWithNulIsRefusedWithItsOffset() {
        ExtractionException e = fails("Ballerina (2025) is\u0000\u0001 great");
        assertTrue(e.getMessage().contains("binary") && e.getMessage().contains("offset 19"), e.getMessage());
    }

    @Test
    void controlCharactersLookBinary() {
        assertTrue(fails("PK\u0003\u0004 Ballerina (2025)").getMessage().contains("binary"));
    }

    @Test
    void replacementCharactersMeanTheFileWasNotUtf8() {
        assertTrue(fails("Ballerina (2025) caf\uFFFD").getMessage().contains("UTF-8"));
    }

    @Test
    void aTextLargerThanAnyReviewIsRefusedBeforeAnalysis() {
        String huge = "Ballerina (2025) is fine. ".repeat(ReviewExtractor.MAX_CHARS / 26 + 10);
        long t0 = System.nanoTime();
        assertTrue(fails(huge).getMessage().contains("at most"));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "refused quickly");
    }

    @Test
    void aTextThatNamesNoFilmSaysHowToNameOne() {
        ExtractionException e = fails("I went to the cinema yesterday. The popcorn was stale and the seats were sticky.");
        assertTrue(e.getMessage().contains("no film") && e.getMessage().contains("(2025)"), e.getMessage());
    }

    @Test
    void aFilmTheGraphKnowsNeedsNoYear() {
        Extraction x = ReviewExtractor.withDefaultRules().extract("Ballerina is a fine action film. Director Len Wiseman keeps it moving.",
                Corpus.gazetteer());
        assertTrue(x.film().id().endsWith("/film/ballerina-2025"), x.film().toString());
    }

    @Test
    void anUnknownFilmWithoutAYearIsNotGuessed() {
        assertThrows(ExtractionException.class, () -> ReviewExtractor.withDefaultRules()
                .extract("Some people love movies. Director Jane Roe made this one.", Gazetteer.empty()));
    }
}
