package org.reelgraph.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void filmSlugEndsWithReleaseYearAndDropsPunctuation() {
        assertEquals("john-wick-chapter-3-parabellum-2019", Slugs.film("John Wick: Chapter 3 – Parabellum", 2019));
        assertEquals("ballerina-2025", Slugs.film("Ballerina", 2025));
    }

    @Test
    void accentsAndApostrophesFoldToAscii() {
        assertEquals("ana-de-armas", Slugs.of("Ana de Armas"));
        assertEquals("zoe-saldana", Slugs.of("Zoë Saldaña"));
        assertEquals("reeves", Slugs.of("Reeves’"));
    }

    @Test
    void validityIsLowerCaseAsciiWordsJoinedByHyphens() {
        assertTrue(Slugs.isValid("john-wick-2014"));
        assertFalse(Slugs.isValid("John-Wick"));
        assertFalse(Slugs.isValid("john--wick"));
        assertFalse(Slugs.isValid("-john"));
        assertFalse(Slugs.isValid("../etc"));
        assertThrows(IllegalArgumentException.class, () -> Slugs.of("!!!"));
    }

    @Test
    void resourceIrisFollowTheDesign() {
        assertEquals("https://w3id.org/reelgraph/id/film/ballerina-2025", Iris.resource(Kind.FILM, "ballerina-2025"));
        assertEquals("https://w3id.org/reelgraph/graph/data/john-wick", Iris.dataGraph("john-wick").getURI());
        assertEquals("ballerina-2025", Iris.slugOf(Kind.FILM, "https://w3id.org/reelgraph/id/film/ballerina-2025").orElseThrow());
        assertTrue(Iris.slugOf(Kind.PERSON, "https://w3id.org/reelgraph/id/film/ballerina-2025").isEmpty());
    }
}
