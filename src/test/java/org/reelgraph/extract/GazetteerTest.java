package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reelgraph.vocab.Kind;

class GazetteerTest {
    static final String ID = "https://w3id.org/reelgraph/id/";

    @Test
    void mainLineIsInReleaseOrderWithoutSpinOffs() {
        Gazetteer g = Corpus.gazetteer();
        assertEquals(List.of(ID + "film/john-wick-2014", ID + "film/john-wick-chapter-2-2017",
                ID + "film/john-wick-chapter-3-parabellum-2019", ID + "film/john-wick-chapter-4-2023"),
                g.mainLine(ID + "franchise/john-wick"));
    }

    @Test
    void ordinalsResolveAgainstTheMainLine() {
        Gazetteer g = Corpus.gazetteer();
        assertEquals(ID + "film/john-wick-chapter-3-parabellum-2019", g.ordinal(ID + "franchise/john-wick", 3).orElseThrow().iri());
        assertEquals(ID + "film/john-wick-chapter-4-2023", g.ordinal(ID + "franchise/john-wick", 4).orElseThrow().iri());
        assertTrue(g.ordinal(ID + "franchise/john-wick", 5).isEmpty(), "there is no fifth main-line film");
        assertTrue(g.ordinal(ID + "franchise/john-wick", 0).isEmpty());
        assertEquals("Aliens", g.ordinal(ID + "franchise/alien", 2).orElseThrow().label());
    }

    @Test
    void aliasesAndLabelsResolveCaseAndPunctuationInsensitively() {
        Gazetteer g = Corpus.gazetteer();
        assertEquals(ID + "character/eve-macarro", g.lookup("Eve", Kind.CHARACTER).orElseThrow().iri());
        assertEquals(ID + "film/ballerina-2025", g.lookup("john wick ballerina", Kind.FILM).orElseThrow().iri());
        assertEquals(ID + "film/john-wick-chapter-3-parabellum-2019",
                g.lookup("John Wick: Chapter 3 - Parabellum", Kind.FILM).orElseThrow().iri());
        assertEquals(2019, g.lookup("John Wick: Chapter 3 – Parabellum", Kind.FILM).orElseThrow().year());
        // One name, two kinds: the franchise and the 2014 film.
        assertEquals(2, g.lookup("John Wick").stream().filter(e -> e.kind() != Kind.CHARACTER).count());
    }

    @Test
    void findsTheLongestKnownNameInText() {
        Gazetteer g = Corpus.gazetteer();
        String text = "Enter From The World of John Wick: Ballerina (2025).";
        List<Gazetteer.Match> found = g.find(text);
        assertEquals(1, found.size());
        assertEquals("From The World of John Wick: Ballerina", text.substring(found.get(0).start(), found.get(0).end()));
    }

    @Test
    void charactersKnowTheirFranchisesFromPerformances() {
        Gazetteer g = Corpus.gazetteer();
        assertEquals(java.util.Set.of(ID + "franchise/john-wick"), g.franchisesOf(ID + "character/eve-macarro"));
        assertTrue(g.franchisesOf(ID + "character/nobody").isEmpty());
    }

    @Test
    void aNamesakeInAnotherFranchiseIsNotTheKnownCharacter() {
        String text = "Skyfall (2012) is the best James Bond film. Naomie Harris is Eve, a field agent.";
        Extraction x = ReviewExtractor.withDefaultRules().extract(text, Corpus.gazetteer());
        Statement s = x.statements().stream().filter(st -> st.predicate().equals("starring")).findFirst().orElseThrow();
        assertEquals("Eve", s.character());
        assertEquals(ID + "character/eve", s.characterId());
    }

    @Test
    void emptyKnowsNothing() {
        assertTrue(Gazetteer.empty().lookup("John Wick").isEmpty());
        assertTrue(Gazetteer.empty().mainLine(ID + "franchise/john-wick").isEmpty());
        assertEquals(0, Gazetteer.empty().size());
    }
}
