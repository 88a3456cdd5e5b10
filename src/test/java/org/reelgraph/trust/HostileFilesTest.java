package org.reelgraph.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reelgraph.cli.Main;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.Store;

/**
 * The hostile files through the command line: {@code load} into a TDB2 store (which must stay as it
 * was), {@code validate}, {@code query -f} and {@code extract}. Each exits 1 with one plain message
 * that names the file (and the line, for a syntax error in Turtle, N-Triples or TriG), never a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesTest {
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");
    private static final Pattern JAVA_INTERNALS = Pattern.compile("Exception|\\bat org\\.|\\bjava\\.|jakarta\\.");

    /** One command line over one file, and whether its message must carry a line number. */
    record Run(String name, List<String> args, Path file, boolean withLine) {
        @Override
        public String toString() {
            return name;
        }
    }

    Path work;
    Path db;
    String before;

    @BeforeAll
    void storeWithTheOntology(@TempDir Path work) {
        this.work = work;
        db = work.resolve("tdb2");
        try (Store store = Store.tdb2(db)) {
            Sources sources = new Sources(Path.of("").toAbsolutePath());
            new Loader(store, ShapesCheck.of(sources), Clock.systemUTC()).load(sources.of(List.of(Path.of(Sources.ONTOLOGY))));
            before = DatasetHash.of(store);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void hostileFileExitsOneWithAPlainMessageAndLeavesTheStore(Run run) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(run.args());
        // Every fourth load goes into the TDB2 store, which is then checked unchanged; the others into a throwaway one.
        boolean intoStore = args.get(0).equals("load") && (run.name().hashCode() & 3) == 0;
        if (args.get(0).equals("load"))
            args.addAll(intoStore ? List.of("--db", db.toString()) : List.of("--mem"));
        int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        String message = err.toString().strip();
        assertEquals(Main.BAD_INPUT, exit, run.name() + ": " + message + out);
        assertFalse(JAVA_INTERNALS.matcher(message).find(), run.name() + ": " + message);
        String file = run.file().getFileName().toString();
        assertTrue(message.contains(file), run.name() + " names the file: " + message);
        if (run.withLine())
            assertTrue(Pattern.compile(Pattern.quote(file) + ":\\d+: \\S").matcher(message).find(), run.name() + " says file:line: " + message);
        if (intoStore)
            try (Store store = Store.tdb2(db)) {
                assertEquals(before, DatasetHash.of(store), run.name() + ": the store changed");
            }
    }

    Stream<Run> runs() throws IOException {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(HOSTILE)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                boolean lined = name.endsWith(".ttl") || name.endsWith(".nt") || name.endsWith(".trig");
                if (name.endsWith(".rq")) {
                    if (!name.equals("service.rq") && !name.equals("bind-twice.rq"))
                        runs.add(new Run("query -f " + name, List.of("query", "--mem", "-f", file.toString()), file,
                            !name.equals("group-without-aggregate.rq")));
                } else if (!name.endsWith(".md")) {
                    runs.add(new Run("load " + name, List.of("load", file.toString()), file, lined));
                }
            }
        }
        for (String name : List.of("unterminated-string.ttl", "bad-date.ttl", "invalid-utf8-ff.nt", "remote-context.jsonld"))
            try (Stream<Path> found = Files.walk(HOSTILE)) {
                Path file = found.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
                runs.add(new Run("validate " + name, List.of("validate", file.toString()), file, !name.endsWith(".jsonld")));
            }
        // Generated: silly as files in the repository.
        Path deep = write("deep-nesting.ttl", "<urn:x:s> <urn:x:p> " + "[ <urn:x:p> ".repeat(20_000) + "1" + " ]".repeat(20_000) + " .\n");
        runs.add(new Run("load deep-nesting.ttl (20,000 levels)", List.of("load", deep.toString()), deep, false));
        Path unions = write("unions.rq", "SELECT * { " + String.join(" UNION ", java.util.Collections.nCopies(20_000, "{ ?s ?p ?o }")) + " }");
        runs.add(new Run("query -f unions.rq (20,000 UNIONs)", List.of("query", "--mem", "-f", unions.toString()), unions, false));
        Path nested = write("nested.rq", "SELECT * " + "{".repeat(20_000) + "}".repeat(20_000));
        runs.add(new Run("query -f nested.rq (20,000 levels)", List.of("query", "--mem", "-f", nested.toString()), nested, false));
        Path badQuery = writeBytes("latin1.rq", "SELECT * { ?s ?p \"caf\u00e9\" }".getBytes(StandardCharsets.ISO_8859_1));
        runs.add(new Run("query -f latin1.rq (not UTF-8)", List.of("query", "--mem", "-f", badQuery.toString()), badQuery, true));
        Path huge = write("huge-literal.nt", "<urn:x:s> <urn:x:p> \"" + "x".repeat(10 << 20) + "\" .\n<urn:x:s> <urn:x:p> .\n");
        runs.add(new Run("load huge-literal.nt (10 MB literal, then a broken line)", List.of("load", huge.toString()), huge, true));
        Path binary = writeBytes("binary-review.txt", new byte[] {'B', 'a', 0, 0, 1, 2, (byte) 0xFF});
        runs.add(new Run("extract binary-review.txt", List.of("extract", binary.toString()), binary, true));
        Path latin1 = writeBytes("latin1-review.txt", "Ballerina (2025) est un film \u00e9tonnant.".getBytes(StandardCharsets.ISO_8859_1));
        runs.add(new Run("extract latin1-review.txt", List.of("extract", latin1.toString()), latin1, true));
        Path big = write("big-review.txt", "Ballerina (2025). ".repeat(300_000));
        runs.add(new Run("extract big-review.txt (5 MB)", List.of("extract", big.toString()), big, false));
        Path missing = work.resolve("no-such-review.txt");
        runs.add(new Run("extract a missing file", List.of("extract", missing.toString()), missing, false));
        return runs.stream();
    }

    private Path write(String name, String text) throws IOException {
        return writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path writeBytes(String name, byte[] bytes) throws IOException {
        Path file = work.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
