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
 * Then blind-a/ and blind-b/ (30 texts) were scored blind (F1=0.71 and 0.77, 5 traps between them)
 * and tuned on with generic mechanisms only; they are tuning sets now.
 * The thresholds are the measured scores rounded down, so that a change that makes extraction
 * worse fails here; they are not targets that were met by construction.
 */
class CorpusEvalTest {
    /**
     * Measured on reviews/heldout/: F1=0.84 P=0.92 R=0.77 traps=0 before the blind-a/blind-b round, F1=0.88
     * P=0.94 R=0.83 after it (its misses were listed with the others; no rule was written for a heldout text, but
     * some blind-set fixes, such as "Anthony and Joe Russo", also mend heldout misses).
     */
    static final double HELDOUT_F1 = 0.87;
    static final int HELDOUT_TRAPS = 0;
    /** Measured on the 29 tuning texts: F1=0.95 P=0.99 R=0.92 traps=0, after the blind-a/blind-b round F1=0.96 P=0.99 R=0.94. */
    static final double TUNING_F1 = 0.95;

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

    /**
     * blind-a/ and blind-b/ (15 texts each) scored blind on extractor ec0b2c2 F1=0.71 (3 traps) and F1=0.77
     * (2 traps); after generic fixes (film choice by weighed evidence, possessive traps, rule shapes) they
     * score F1=0.89 P=0.94 R=0.85 and F1=0.90 P=0.93 R=0.88 with 0 traps (blind-b P=0.94 after the blind-e / blind-f
     * round). Tuned on since: not blind numbers.
     */
    static final double BLIND_A_F1 = 0.88;
    static final double BLIND_B_F1 = 0.89;

    @Test
    void formerBlindSetsScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        for (var set : java.util.Map.of(Corpus.BLIND_A, BLIND_A_F1, Corpus.BLIND_B, BLIND_B_F1).entrySet()) {
            EvalScore score = Corpus.score(Corpus.reviews(set.getKey()), ReviewExtractor.withDefaultRules());
            System.out.println(set.getKey().getFileName() + ": " + score.summary());
            assertEquals(List.of(), score.violations(), set.getKey().toString());
            assertTrue(score.total().f1() >= set.getValue(), () -> set.getKey() + ": " + score.summary());
        }
    }

    /**
     * blind-c/ and blind-d/ scored blind on extractor f42d3be F1=0.82 (5 traps) and F1=0.83 (4 traps); after the
     * generic possessive / other-film / negation fixes F1=0.82 P=0.89 R=0.77 with 1 trap left ("X, the star of
     * Nosferatu (1922)") and F1=0.84 P=0.91 R=0.78 with 0 traps. In the blind-e / blind-f round the reviewed film of
     * that text is found ("Batman Returns" extends a known title), which removes the last trap: blind-c F1=0.83
     * P=0.90 R=0.78, 0 traps. Tuned on since: not blind numbers.
     */
    @Test
    void blindCAndDScoreAtLeastTheirTunedF1() {
        EvalScore c = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve("blind-c")), ReviewExtractor.withDefaultRules());
        System.out.println("blind-c: " + c.summary());
        assertEquals(List.of(), c.violations());
        assertTrue(c.total().f1() >= 0.82, c::summary);
        EvalScore d = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve("blind-d")), ReviewExtractor.withDefaultRules());
        System.out.println("blind-d: " + d.summary());
        assertEquals(List.of(), d.violations());
        assertTrue(d.total().f1() >= 0.83, d::summary);
    }

    /**
     * blind-e/ and blind-f/ scored blind on extractor e55d57e F1=0.87 P=0.94 R=0.81 (3 traps) and F1=0.80 P=0.89
     * R=0.72 (3 traps); after the generic fixes of their round (bygone / future cues to the clause's end after an
     * "Actor's Character" possessive, "from director" after another title, photograph-only appearances, film years
     * from an aside) F1=0.88 P=0.96 R=0.81 and F1=0.82 P=0.93 R=0.73, both 0 traps. Tuned on since: not blind numbers.
     */
    @Test
    void blindEAndFScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        EvalScore e = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve("blind-e")), ReviewExtractor.withDefaultRules());
        System.out.println("blind-e: " + e.summary());
        assertEquals(List.of(), e.violations());
        assertTrue(e.total().f1() >= 0.87, e::summary);
        EvalScore f = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve("blind-f")), ReviewExtractor.withDefaultRules());
        System.out.println("blind-f: " + f.summary());
        assertEquals(List.of(), f.violations());
        assertTrue(f.total().f1() >= 0.81, f::summary);
    }

    /**
     * blind-g/ and blind-h/ (15 texts each, written without sight of the extractor) scored blind on
     * extractor 2454764: F1=0.87 P=0.92 R=0.82 and F1=0.81 P=0.89 R=0.75, 2 trap violations each. After the
     * generic fixes of their round (a name right after an article modifies a noun, bygone cue "went", "who directed
     * it" when the nearest title before is another film) F1=0.87 P=0.93 R=0.82 and F1=0.82 P=0.90 R=0.75, both 0 traps.
     * Tuned on since: not blind numbers.
     */
    @Test
    void blindGAndHScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        var floors = java.util.Map.of("blind-g", 0.86, "blind-h", 0.81);
        for (String set : List.of("blind-g", "blind-h")) {
            EvalScore score = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve(set)), ReviewExtractor.withDefaultRules());
            System.out.println(set + ": " + score.summary());
            assertEquals(List.of(), score.violations(), () -> set + ": " + score.summary());
            assertTrue(score.total().f1() >= floors.get(set), () -> set + ": " + score.summary());
        }
    }

    /**
     * blind-i/ and blind-j/ (15 texts each, written without sight of the extractor) scored blind on
     * extractor e8733ab: F1=0.80 P=0.87 R=0.74 with 5 trap violations and F1=0.81 P=0.90 R=0.74 with 1. After the
     * generic fixes of their round (an absent cue after an aside covers the aside and its subject, a year that is
     * not the film's after an "Actor's Character" possessive or before "directed by", a sequel number or other year
     * ends a mention of the reviewed film, a person list stops at a verb, "calling for" is future, "stays in" is
     * bygone, an acronym before a noun is no character name, ", a X" after a name is no list item) F1=0.82 P=0.91
     * R=0.75 (0.822) and F1=0.81 P=0.90 R=0.74 (0.8105), both 0 traps. Tuned on since: not blind numbers.
     */
    @Test
    void blindIAndJScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        var floors = java.util.Map.of("blind-i", 0.82, "blind-j", 0.81);
        for (String set : List.of("blind-i", "blind-j")) {
            EvalScore score = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve(set)), ReviewExtractor.withDefaultRules());
            System.out.println(set + ": " + score.summary());
            assertEquals(List.of(), score.violations(), () -> set + ": " + score.summary());
            assertTrue(score.total().f1() >= floors.get(set), () -> set + ": " + score.summary());
        }
    }

    /**
     * blind-k/ and blind-l/ (30 reviews by two more writers who never saw the extractor) scored blind on extractor
     * f16a813: F1=0.78 P=0.84 R=0.73 (0.7817) with 5 trap violations and F1=0.85 P=0.90 R=0.80 (0.8473) with 0. After
     * the generic fixes of their round (a credit cue right after another film's "(year)" or after "the first film
     * was" is that film's, "no match for" compares, a colon ends an other-work cue's reach, a list headline names its
     * film after "From") F1=0.80 P=0.87 R=0.74 (0.7978) and F1=0.85 P=0.90 R=0.80 (0.8473), both 0 traps.
     * Tuned on since: not blind numbers.
     */
    @Test
    void blindKAndLScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        var floors = java.util.Map.of("blind-k", 0.79, "blind-l", 0.84);
        for (String set : List.of("blind-k", "blind-l")) {
            EvalScore score = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve(set)), ReviewExtractor.withDefaultRules());
            System.out.println(set + ": " + score.summary());
            assertEquals(List.of(), score.violations(), () -> set + ": " + score.summary());
            assertTrue(score.total().f1() >= floors.get(set), () -> set + ": " + score.summary());
        }
    }

    /**
     * blind-m and blind-n (30 reviews by two more writers who never saw the extractor), scored once on extractor
     * 703aa10: F1=0.80 P=0.88 R=0.73 (0.7989) with 0 trap violations, and F1=0.83 P=0.89 R=0.79 (0.8329) with 4.
     * Tuned on since with generic fixes only (reviews/README.md): 0 violations, floors are the tuned scores
     * (0.7989, 0.8514) less their rounding.
     */
    @Test
    void blindMAndNScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        var floors = java.util.Map.of("blind-m", 0.79, "blind-n", 0.85);
        for (String set : List.of("blind-m", "blind-n")) {
            EvalScore score = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve(set)), ReviewExtractor.withDefaultRules());
            System.out.println(set + ": " + score.summary());
            assertEquals(List.of(), score.violations(), () -> set + ": " + score.summary());
            assertTrue(score.total().f1() >= floors.get(set), () -> set + ": " + score.summary());
        }
    }

    /**
     * blind-o and blind-p (30 reviews by two more writers who never saw the extractor), scored once on extractor
     * 4ce96d8: F1=0.81 P=0.90 R=0.74 (0.8130) with 1 trap violation, and F1=0.80 P=0.88 R=0.73 (0.7986) with 1.
     * Tuned on since with generic fixes only (reviews/README.md): 0 violations, floors are the tuned scores
     * (0.8238, 0.8082) less their rounding.
     */
    @Test
    void blindOAndPScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        var floors = java.util.Map.of("blind-o", 0.82, "blind-p", 0.80);
        for (String set : List.of("blind-o", "blind-p")) {
            EvalScore score = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve(set)), ReviewExtractor.withDefaultRules());
            System.out.println(set + ": " + score.summary());
            assertEquals(List.of(), score.violations(), () -> set + ": " + score.summary());
            assertTrue(score.total().f1() >= floors.get(set), () -> set + ": " + score.summary());
        }
    }

    /**
     * blind-q and blind-r (30 reviews by two more writers who never saw the extractor), scored once on extractor
     * b8e23a3: F1=0.84 P=0.91 R=0.77 (0.8376) with 1 trap violation ("the 1932 version ..., directed by Karl
     * Freund" in the-mummy-1999), and F1=0.81 P=0.92 R=0.72 (0.8071) with none. Tuned on since with generic fixes
     * only (reviews/README.md): 0 violations, floors are the tuned scores (0.8757, 0.8902) less their rounding.
     */
    @Test
    void blindQAndRScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        var floors = java.util.Map.of("blind-q", 0.87, "blind-r", 0.89);
        for (String set : List.of("blind-q", "blind-r")) {
            EvalScore score = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve(set)), ReviewExtractor.withDefaultRules());
            System.out.println(set + ": " + score.summary());
            assertEquals(List.of(), score.violations(), () -> set + ": " + score.summary());
            assertTrue(score.total().f1() >= floors.get(set), () -> set + ": " + score.summary());
        }
    }

    /**
     * blind-s and blind-t (30 reviews by two more writers who never saw the extractor), scored once on extractor
     * 4cff6cf: F1=0.82 P=0.91 R=0.74 (0.8155) with 0 traps, and F1=0.76 P=0.86 R=0.69 (0.7647) with 2 ("Steven
     * Soderbergh's Ocean's trilogy" as directedBy, "neither a straight sequel to ... nor" as setAfter). Tuned on since
     * with generic fixes only (reviews/README.md): 0 violations, floors are the tuned scores (0.8155, 0.7692) less
     * their rounding.
     */
    @Test
    void blindSAndTScoreAtLeastTheirTunedF1WithNoTrapViolations() {
        var floors = java.util.Map.of("blind-s", 0.81, "blind-t", 0.76);
        for (String set : List.of("blind-s", "blind-t")) {
            EvalScore score = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve(set)), ReviewExtractor.withDefaultRules());
            System.out.println(set + ": " + score.summary());
            assertEquals(List.of(), score.violations(), () -> set + ": " + score.summary());
            assertTrue(score.total().f1() >= floors.get(set), () -> set + ": " + score.summary());
        }
    }

    /**
     * Written by two more writers who never saw the extractor; scored once, blind, on extractor ca38ff6
     * (blind-u F1 0.7790 with 4 trap violations, blind-v F1 0.8101 with 1): held to those scores, less rounding,
     * and to only those violations until they are tuned on. Round 12 (partly tuned): the possessive, comparison and
     * "Title (1984), with X as Y" fixes (Round11TrapTest) leave only bill-ted's, which needs the film choice fixed.
     */
    @Test
    void blindUAndVScoreAtLeastTheirBlindF1WithOnlyTheirKnownTrapViolations() {
        var known = java.util.Map.of("blind-u", java.util.Set.of("bill-ted-face-the-music-2020"),
                "blind-v", java.util.Set.<String>of());
        var floors = java.util.Map.of("blind-u", 0.77, "blind-v", 0.81);
        assertBlindScores(floors, known);
    }

    /** Each set at least its floor F1, and no trap violation but those of the reviews named for it. */
    private static void assertBlindScores(java.util.Map<String, Double> floors, java.util.Map<String, java.util.Set<String>> known) {
        for (String set : new java.util.TreeSet<>(floors.keySet())) {
            EvalScore score = Corpus.score(Corpus.reviews(Corpus.ROOT.resolve(set)), ReviewExtractor.withDefaultRules());
            System.out.println(set + ": " + score.summary());
            assertTrue(score.total().f1() >= floors.get(set), () -> set + ": " + score.summary());
            for (String violation : score.violations())
                assertTrue(known.get(set).stream().anyMatch(violation::startsWith), () -> set + ": a new trap violation: " + violation);
        }
    }

    /**
     * Round 11: two more writers who never saw the extractor; scored once, blind, on extractor 08a124c (round 10's
     * ca38ff6 with the gazetteer read one predicate at a time): blind-w F1 0.7934 with no trap violation, blind-x F1
     * 0.8207 with 1. Held to those scores, less rounding, and to only that violation until they are tuned on.
     */
    @Test
    void blindWAndXScoreAtLeastTheirBlindF1WithOnlyTheirKnownTrapViolations() {
        var known = java.util.Map.of("blind-w", java.util.Set.<String>of(), "blind-x", java.util.Set.of("ouija-origin-of-evil-2016"));
        var floors = java.util.Map.of("blind-w", 0.79, "blind-x", 0.82);
        assertBlindScores(floors, known);
    }

    /**
     * Round 12: two more writers who never saw the extractor; scored once, blind, on extractor 3ab0180: blind-y
     * F1 0.7576 and blind-z F1 0.8110, with 2 trap violations each. Held to those scores, less rounding, and to
     * only those violations until they are tuned on.
     */
    @Test
    void blindYAndZScoreAtLeastTheirBlindF1WithOnlyTheirKnownTrapViolations() {
        var known = java.util.Map.of("blind-y", java.util.Set.of("a-good-day-to-die-hard-2013", "magic-mikes-last-dance-2023"),
                "blind-z", java.util.Set.of("dumb-and-dumber-to-2014", "evil-dead-2013"));
        var floors = java.util.Map.of("blind-y", 0.75, "blind-z", 0.81);
        assertBlindScores(floors, known);
    }

    @Test
    void corpusHasTheSeedAndMoreThanTwelveOtherReviews() {
        List<Corpus.Review> all = Corpus.all();
        assertTrue(all.size() >= 13, "corpus size " + all.size());
        assertEquals(30, Corpus.blind().size(), "blind-a and blind-b");
        assertTrue(Corpus.reviews(Corpus.HELDOUT).size() >= 6);
        assertTrue(Corpus.reviews(Corpus.DEV).stream().anyMatch(r -> r.name().startsWith("ballerina-2025")));
        assertEquals(all.size(), all.stream().map(Corpus.Review::name).distinct().count(), "no text twice");
    }
}
