package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 5 point 8: what the seed review must and must not yield. */
class SeedExtractionTest {
    static final String ID = "https://w3id.org/reelgraph/id/";
    static String text;
    static Extraction x;

    @BeforeAll
    static void extract() throws IOException {
        text = Files.readString(Path.of("seeds/ballerina-2025-review.txt"), StandardCharsets.UTF_8);
        x = ReviewExtractor.withDefaultRules().extract(text, Corpus.gazetteer());
    }

    private static Statement one(String predicate, String objectId) {
        List<Statement> hits = x.statements().stream()
                .filter(s -> s.predicate().equals(predicate) && objectId.equals(s.objectId())).toList();
        assertEquals(1, hits.size(), () -> predicate + " " + objectId + " in " + x.statements());
        return hits.get(0);
    }

    @Test
    void recognisesBallerina2025AsTheReviewedFilm() {
        assertEquals("From the World of John Wick: Ballerina", x.film().title());
        assertEquals(2025, x.film().year());
        assertEquals(ID + "film/ballerina-2025", x.film().id());
        assertTrue(x.film().inGraph());
    }

    @Test
    void placesBallerinaInTheJohnWickFranchiseAsASpinOff() {
        one("partOfFranchise", ID + "franchise/john-wick");
        one("spinOffOf", ID + "franchise/john-wick");
    }

    @Test
    void resolvesTheThirdAndFourthJohnWickFilmsToChapterThreeAndFour() {
        Statement after = one("setAfter", ID + "film/john-wick-chapter-3-parabellum-2019");
        one("setBefore", ID + "film/john-wick-chapter-4-2023");
        assertTrue(after.evidence().text().contains("the third and fourth John Wick films"), after.evidence().text());
    }

    @Test
    void directorLenWisemanWithTheEvidenceOffsetsOfDesignMd() {
        Statement d = one("directedBy", ID + "person/len-wiseman");
        assertEquals(new Evidence("Director Len Wiseman", 2469, 2489), d.evidence());
        assertEquals("Director Len Wiseman", text.substring(2469, 2489));
        assertEquals(0.93, d.confidence());
        assertEquals("Len Wiseman", d.object());
    }

    @Test
    void anaDeArmasPlaysEveWhoResolvesToEveMacarro() {
        Statement s = one("starring", ID + "person/ana-de-armas");
        assertEquals("Eve", s.character());
        assertEquals(ID + "character/eve-macarro", s.characterId());
    }

    @Test
    void theRestOfTheCastIsStarring() {
        for (String p : List.of("keanu-reeves", "norman-reedus", "anjelica-huston", "ian-mcshane", "lance-reddick"))
            one("starring", ID + "person/" + p);
    }

    @Test
    void reviewerAndFeatureImageCredit() {
        Statement r = one("reviewedBy", ID + "person/nadia-arain");
        assertEquals("Nadia Arain", r.object());
        Statement c = one("creditedTo", ID + "organization/lionsgate");
        assertEquals("IMDb", c.via());
        assertEquals(ID + "organization/imdb", c.viaId());
        assertEquals("feature image", c.subject());
    }

    @Test
    void noTrapBecomesAFact() {
        for (Statement s : x.statements()) {
            String o = s.object().toLowerCase(Locale.ROOT);
            assertFalse(s.predicate().equals("directedBy") && o.contains("stahelski"), s::toString);
            assertFalse(o.contains("rogue one") || o.contains("underworld") || o.contains("walking dead"), s::toString);
            assertFalse(s.evidence().text().toLowerCase(Locale.ROOT).contains("fifth"), s::toString);
        }
        // Exactly the expected facts: 13 statements, nothing else.
        assertEquals(13, x.statements().size(), () -> x.statements().toString());
    }

    @Test
    void jsonHasTheDesignMdShape() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(json.writeValueAsString(x));
        assertEquals("From the World of John Wick: Ballerina", root.at("/film/title").asText());
        assertEquals(2025, root.at("/film/year").asInt());
        JsonNode director = null;
        for (JsonNode s : root.get("statements"))
            if (s.get("predicate").asText().equals("directedBy"))
                director = s;
        assertNotNull(director);
        assertEquals("Ballerina", director.get("subject").asText());
        assertEquals("Len Wiseman", director.get("object").asText());
        assertEquals("Director Len Wiseman", director.at("/evidence/text").asText());
        assertEquals(2469, director.at("/evidence/start").asInt());
        assertEquals(2489, director.at("/evidence/end").asInt());
        assertEquals(0.93, director.get("confidence").asDouble());
        assertFalse(director.has("character"), "no null fields: " + director);
        assertFalse(director.has("via"), "no null fields: " + director);
    }
}
