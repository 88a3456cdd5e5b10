package org.reelgraph.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.reelgraph.load.LoadException;
import org.reelgraph.load.RdfSourceParser;
import org.reelgraph.load.SourceError;

/**
 * Fuzzes the loader's Turtle parse path ({@link RdfSourceParser}, which {@code load} and
 * {@code validate} use): any bytes either parse or fail with a {@link LoadException} whose errors
 * name the file, with a line that is never negative and a message without Java class names.
 * DESIGN.md section 8: Jena's Turtle parser alone throws more than RiotException on some inputs.
 *
 * <p>{@code mvn test} runs the seeds in {@code TurtleLoadingFuzzTestInputs/}; {@code JAZZER_FUZZ=1
 * mvn test -Dtest=TurtleLoadingFuzzTest} fuzzes for {@code maxDuration}.
 */
class TurtleLoadingFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void turtleEitherParsesOrFailsWithFileLineErrors(byte[] input) {
        try {
            RdfSourceParser.parse("fuzz.ttl", "file:///fuzz/fuzz.ttl", input);
        } catch (LoadException e) {
            assertFalse(e.errors().isEmpty());
            for (SourceError error : e.errors()) {
                assertTrue(error.source().equals("fuzz.ttl"), error.toString());
                assertTrue(error.line() >= 0, error.toString());
                assertNotNull(error.message(), error.toString());
                assertFalse(error.message().matches("(?s).*\\b(?:[a-z]+\\.)+[A-Z]\\w*(Exception|Error)\\b.*"), error.toString());
            }
        }
    }
}
