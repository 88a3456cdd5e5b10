package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 5 point 7: extraction quality on the gold corpus (reviews/README.md tells its history).
 * The rules were tuned on dev/ and on heldout-1/ to heldout-3/, each of which was first scored
 * blind once and only then tuned on. reviews/heldout/ was written before the last round of rule
 * changes; its blind score was F1=0.83 with 2 trap violations. Two generic fixes for those two
 * violations followed (a spin-off named by apposition is another film; "X is absent" negates its
 * clause), after which it scores F1=0.84 with 0 traps: that second number is no longer blind.
 * The thresholds are the measured scores rounded down, so that a change that makes extraction
 * worse fails here; they are not targets that were met by construction.
 */
class CorpusEvalTest {
    /** Measured on reviews/heldout/ after the final rule change: F1=0.84 P=0.92 R=0.77 traps=0. */
    static final double HELDOUT_F1 = 0.83;
    static final int HELDOUT_TRAPS = 0;
    /** Measured on the 29 tuning texts: F1=0.95 P=0.99 R=0.92 traps=0. */
    static final double TUNING_F1 = 0.94;

    @Test
    void heldOutSetScoresAtLeastTheMeasuredF1() {
        EvalScore score = Corpus.score(Corpus.reviews(Corpus.HELDOUT), ReviewExtractor.withDefaultRules());
        System.out.println("held-out: " + score.summary());
        assertTrue(score.trapViolations() <= HELDOUT_TRAPS, () -> String.join("\n", score.violations()));
        assertTrue(score.total().f1() >= HELDOUT_F1, score::summary);
    }

    @Test
    void tuningSetScoresAtLeastTheMeasuredF1WithNoTrapViolations() {
        EvalScore score = Corpus.score(Corpus.tuning(), ReviewExtractor.withDefaultRules());
        System.out.println("tuning (dev + heldout-1..3): " + score.summary());
        assertEquals(List.of(), score.violations());
        assertTrue(score.total().f1() >= TUNING_F1, score::summary);
    }

    @Test
    void corpusHasTheSeedAndMoreThanTwelveOtherReviews() {
        List<Corpus.Review> all = Corpus.all();
        assertTrue(all.size() >= 13, "corpus size " + all.size());
        assertTrue(Corpus.reviews(Corpus.HELDOUT).size() >= 6);
        assertTrue(Corpus.reviews(Corpus.DEV).stream().anyMatch(r -> r.name().startsWith("ballerina-2025")));
        assertEquals(all.size(), all.stream().map(Corpus.Review::name).distinct().count(), "no text twice");
    }
}
