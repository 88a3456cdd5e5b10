package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class EvalScoreTest {
    static final String ID = "https://w3id.org/reelgraph/id/";

    static Statement st(String predicate, String object, String objectId, String character) {
        return new Statement("X", predicate, object, character, null, new Evidence("q", 0, 1), 0.9, ID + "film/x-2020", objectId,
                character == null ? null : ID + "character/" + character.toLowerCase().replace(' ', '-'), null);
    }

    static GoldReview gold(String json) {
        return GoldReview.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.gold.json");
    }

    @Test
    void precisionRecallAndF1AreMicroAveraged() {
        GoldReview g = gold("""
                {"film":{"title":"X","year":2020},
                 "facts":[{"predicate":"directedBy","object":"Jane Roe"},
                          {"predicate":"starring","object":"Ann Lee","character":"Eve Macarro"},
                          {"predicate":"starring","object":"Bo Chan"}],
                 "traps":[{"predicate":"directedBy","object":"Tom Fox"}]}""");
        Extraction x = new Extraction(new FilmMention("X", 2020, ID + "film/x-2020", new Evidence("X", 0, 1), false), List.of(
                st("directedBy", "jane roe", ID + "person/jane-roe", null),   // tp (case-insensitive)
                st("starring", "Ann Lee", ID + "person/ann-lee", "Eve"),      // tp (character words are a subset)
                st("starring", "Cy Dunn", ID + "person/cy-dunn", null),       // fp
                st("directedBy", "Tom Fox", ID + "person/tom-fox", null)));   // fp and a trap
        EvalScore score = new EvalScore();
        score.add("x", g, x);
        // film tp + 2 tp; fp 2; fn 1 (Bo Chan)
        EvalScore.Counts t = score.total();
        assertEquals(new EvalScore.Counts(3, 2, 1), t);
        assertEquals(0.6, t.precision(), 1e-9);
        assertEquals(0.75, t.recall(), 1e-9);
        assertEquals(2 * 0.6 * 0.75 / 1.35, t.f1(), 1e-9);
        assertEquals(new EvalScore.Counts(1, 1, 0), score.perRelation().get("directedBy"));
        assertEquals(new EvalScore.Counts(1, 1, 1), score.perRelation().get("starring"));
        assertEquals(1, score.trapViolations());
        assertEquals("extraction F1=0.67 P=0.60 R=0.75 traps=1", score.summary());
        List<String> report = score.report();
        assertEquals(score.summary(), report.get(report.size() - 1));
    }

    @Test
    void aCharacterTheGoldGivesMustMatch() {
        GoldReview.Fact gold = new GoldReview.Fact("starring", "Ann Lee", "Jyn Erso", null);
        assertFalse(EvalScore.matches(gold, st("starring", "Ann Lee", ID + "person/ann-lee", null)));
        assertFalse(EvalScore.matches(gold, st("starring", "Ann Lee", ID + "person/ann-lee", "Saw Gerrera")));
        assertTrue(EvalScore.matches(gold, st("starring", "Ann Lee", ID + "person/ann-lee", "Jyn")));
        assertTrue(EvalScore.matches(new GoldReview.Fact("starring", "Ann Lee", null, null), st("starring", "Ann Lee", null, "Jyn")));
    }

    @Test
    void objectsMatchByLabelOrByIriSlugWithoutTheYear() {
        assertTrue(EvalScore.sameName("John Wick: Chapter 4", "something else", ID + "film/john-wick-chapter-4-2023"));
        assertTrue(EvalScore.sameName("Fast & Furious", "Fast and Furious", null));
        assertFalse(EvalScore.sameName("John Wick", "John Wick: Chapter 4", ID + "film/john-wick-chapter-4-2023"));
    }

    @Test
    void aMissingExtractionCountsEveryGoldFactAsMissed() {
        GoldReview g = gold("{\"film\":{\"title\":\"X\",\"year\":2020},\"facts\":[{\"predicate\":\"directedBy\",\"object\":\"A B\"}],\"traps\":[]}");
        EvalScore score = new EvalScore();
        score.add("x", g, null);
        assertEquals(new EvalScore.Counts(0, 0, 2), score.total());
        assertEquals(0.0, score.total().f1());
        assertEquals("extraction F1=0.00 P=0.00 R=0.00 traps=0", score.summary());
    }
}
