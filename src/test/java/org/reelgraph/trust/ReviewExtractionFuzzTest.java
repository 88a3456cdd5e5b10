package org.reelgraph.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.reelgraph.extract.Evidence;
import org.reelgraph.extract.Extraction;
import org.reelgraph.extract.ExtractionException;
import org.reelgraph.extract.Gazetteer;
import org.reelgraph.extract.ReviewExtractor;
import org.reelgraph.extract.ReviewGraph;
import org.reelgraph.extract.Statement;
import org.reelgraph.http.ReelgraphServer;
import org.reelgraph.load.LoadException;
import org.reelgraph.load.RdfSourceParser;
import org.reelgraph.load.Source;
import org.reelgraph.load.Sources;
import org.reelgraph.load.Utf8Text;

/**
 * Fuzzes review extraction along the path of {@code ./reelgraph extract}: bytes, strict UTF-8,
 * the default rules with the curated names as gazetteer, then both outputs (JSON and the review
 * graph). The only failures allowed are the documented bad-input ones ({@link LoadException} for
 * bytes that are not UTF-8 text, {@link ExtractionException} for a text with no film); every
 * piece of evidence is exactly {@code text.substring(start, end)}.
 *
 * <p>{@code mvn test} runs the seeds in {@code ReviewExtractionFuzzTestInputs/}; {@code JAZZER_FUZZ=1
 * mvn test -Dtest=ReviewExtractionFuzzTest} fuzzes for {@code maxDuration}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewExtractionFuzzTest {
    /** What {@code extract} refuses outright as too large for a review. */
    private static final int MAX_BYTES = 4 << 20;

    ReviewExtractor extractor;
    Gazetteer gazetteer;

    @BeforeAll
    void loadModelsAndNames() {
        extractor = ReviewExtractor.withDefaultRules();
        Graph curated = GraphFactory.createDefaultGraph();
        for (Source source : new Sources(Path.of("").toAbsolutePath()).curated()) {
            if (source.review())
                continue;
            RdfSourceParser.parse(source.name(), source.path().toUri().toString(), source.bytes()).data().find()
                    .forEachRemaining((Quad q) -> curated.add(Triple.create(q.getSubject(), q.getPredicate(), q.getObject())));
        }
        gazetteer = Gazetteer.fromGraph(curated);
    }

    @FuzzTest(maxDuration = "30s")
    void extractionFailsOnlyWithBadInputAndEvidenceIsTheTextBetweenItsOffsets(byte[] input) throws Exception {
        if (input.length > MAX_BYTES)
            return;
        String text;
        try {
            text = Utf8Text.decode(input, "fuzz.txt");
        } catch (LoadException e) {
            assertTrue(e.getMessage().startsWith("fuzz.txt"), e.getMessage());
            return;
        }
        Extraction extraction;
        try {
            extraction = extractor.extract(text, gazetteer);
        } catch (ExtractionException e) {
            assertNotNull(e.getMessage());
            return;
        }
        evidenceMatches(text, extraction.film().evidence());
        for (Statement s : extraction.statements()) {
            evidenceMatches(text, s.evidence());
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1, s.toString());
        }
        // Both outputs of the extract command must be producible from whatever was extracted.
        ReelgraphServer.jsonMapper().writeValueAsString(extraction);
        ReviewGraph.build(extraction, "fuzz-review", text);
    }

    private static void evidenceMatches(String text, Evidence evidence) {
        if (evidence == null)
            return;
        assertTrue(evidence.start() >= 0 && evidence.end() <= text.length() && evidence.start() <= evidence.end(), evidence.toString());
        assertEquals(text.substring(evidence.start(), evidence.end()), evidence.text(), "evidence " + evidence);
    }
}
