package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The rules file is data a person edits: mistakes are reported with file and line, and a new rule takes effect. */
class RulesTest {
    static Rules read(String s) {
        return Rules.read(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), "my-rules.txt");
    }

    @Test
    void defaultRulesCoverEveryRelation() {
        Rules r = Rules.defaults();
        for (String rel : Rules.RELATIONS)
            assertTrue(r.rules().stream().anyMatch(x -> x.relation().equals(rel)), rel);
        assertTrue(r.cues("hedge").size() > 3);
    }

    @Test
    void mistakesNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("# c\n\ndirectedBy  0.9  directed by {PERSN}\n"));
        assertTrue(e.getMessage().startsWith("my-rules.txt:3: unknown slot {PERSN}"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("directedBy  1.5  directed by {PERSON}\n"));
        assertTrue(e.getMessage().contains("my-rules.txt:1: confidence"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("helmedBy  0.9  helmed by {PERSON}\n"));
        assertTrue(e.getMessage().contains("unknown relation 'helmedBy'"), e.getMessage());
    }

    @Test
    void aRuleAddedToTheFileIsUsed() {
        String text = "Ballerina (2025) review. Steered with gusto by Jane Roe, it is a blast.";
        Extraction before = ReviewExtractor.withDefaultRules().extract(text, Corpus.gazetteer());
        assertTrue(before.statements().stream().noneMatch(s -> s.predicate().equals("directedBy")));
        Rules mine = read("directedBy  0.7  steered <lower:0-2> by {PERSON}\n");
        Extraction after = ReviewExtractor.withRules(mine).extract(text, Corpus.gazetteer());
        Statement d = after.statements().stream().filter(s -> s.predicate().equals("directedBy")).findFirst().orElseThrow();
        assertEquals("Jane Roe", d.object());
        assertEquals("Steered with gusto by Jane Roe", d.evidence().text());
        assertEquals(0.7, d.confidence());
    }
}
