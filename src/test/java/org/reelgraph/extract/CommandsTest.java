package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.cli.EvalCommand;
import org.reelgraph.cli.ExtractCommand;
import picocli.CommandLine;

/** {@code extract FILE [--format json|turtle]} and {@code eval DIR}, run as picocli commands from the project directory. */
class CommandsTest {
    record Run(int exit, String out, String err) {}

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // As Main does: BadInputException (package-private in cli) is exit 1 with its message.
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e.getClass().getSimpleName().equals("BadInputException")) {
                c.getErr().println("reelgraph: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void extractPrintsTheSeedStatementsAsJson() throws IOException {
        Run r = run(new ExtractCommand(), "seeds/ballerina-2025-review.txt");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("From the World of John Wick: Ballerina", root.at("/film/title").asText());
        assertEquals(2025, root.at("/film/year").asInt());
        boolean director = false;
        for (JsonNode s : root.get("statements"))
            director |= s.get("predicate").asText().equals("directedBy") && s.get("object").asText().equals("Len Wiseman")
                    && s.at("/evidence/start").asInt() == 2469 && s.at("/evidence/end").asInt() == 2489;
        assertTrue(director, r.out());
        assertTrue(r.out().contains("\n  \"statements\""), "pretty printed");
    }

    @Test
    void extractPrintsTheReviewGraphAsTurtle() {
        Run r = run(new ExtractCommand(), "seeds/ballerina-2025-review.txt", "--format", "turtle");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("PREFIX rg:") || r.out().contains("@prefix rg:"), r.out());
        Graph g = RDFParser.fromString(r.out(), Lang.TURTLE).toGraph();
        assertTrue(g.size() > 50);
        assertTrue(r.out().contains("Director Len Wiseman"));
    }

    @Test
    void badFilesExitOneWithAMessage(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Am\u00e9lie (2001) is charming.".getBytes(StandardCharsets.ISO_8859_1));
        Path noFilm = Files.writeString(dir.resolve("nofilm.txt"), "The popcorn was stale and the seats were sticky.");
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[21 * 1024 * 1024]);
        for (Path p : new Path[] {empty, binary, latin1, noFilm, big, dir.resolve("missing.txt")}) {
            Run r = run(new ExtractCommand(), p.toString());
            assertEquals(1, r.exit(), p + ": " + r.err());
            assertTrue(r.err().startsWith("reelgraph: ") && r.err().contains(p.getFileName().toString().equals("latin1.txt") ? "UTF-8" : ""), r.err());
            assertEquals("", r.out());
        }
        assertEquals(2, run(new ExtractCommand(), "seeds/ballerina-2025-review.txt", "--format", "xml").exit());
    }

    @Test
    void evalPrintsPerRelationScoresAndTheSummaryLineLast() {
        Run r = run(new EvalCommand(), "src/test/resources/reviews/dev");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("extraction F1=\\d\\.\\d\\d P=\\d\\.\\d\\d R=\\d\\.\\d\\d traps=\\d+"), r.out());
        assertTrue(r.out().contains("directedBy") && r.out().contains("starring") && r.out().contains("trap violations: 0"), r.out());
    }

    @Test
    void evalOfANonDirectoryIsBadInput() {
        assertEquals(1, run(new EvalCommand(), "no/such/dir").exit());
    }
}
