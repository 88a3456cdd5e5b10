package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every statement of every corpus text quotes the text exactly and has a confidence in [0, 1]; no trap becomes a fact. */
class CorpusInvariantsTest {
    static Stream<Corpus.Review> reviews() {
        return Corpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviews")
    void everyEvidenceIsTheExactSubstringOfTheText(Corpus.Review r) {
        Extraction x = Corpus.extract(r);
        assertTrue(x != null && !x.statements().isEmpty(), r.name() + ": no statements");
        for (Statement s : x.statements()) {
            Evidence e = s.evidence();
            assertTrue(e.start() >= 0 && e.end() <= r.text().length() && e.start() < e.end(), () -> r.name() + ": " + s);
            assertEquals(r.text().substring(e.start(), e.end()), e.text(), () -> r.name() + ": " + s);
            assertTrue(s.confidence() >= 0 && s.confidence() <= 1, () -> r.name() + ": " + s);
            assertTrue(s.objectId() != null && s.objectId().startsWith("https://w3id.org/reelgraph/id/"), () -> r.name() + ": " + s);
        }
        Evidence film = x.film().evidence();
        assertEquals(r.text().substring(film.start(), film.end()), film.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviews")
    void noTrapOfTheGoldFileIsExtracted(Corpus.Review r) {
        EvalScore score = Corpus.score(List.of(r), ReviewExtractor.withDefaultRules());
        assertEquals(List.of(), score.violations());
    }
}
