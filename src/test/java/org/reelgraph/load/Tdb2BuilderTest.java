package org.reelgraph.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.dump.DumpFormat;
import org.reelgraph.dump.DumpWriter;
import org.reelgraph.generate.SyntheticFranchises;
import org.reelgraph.store.Store;

/** The sorted-and-packed TDB2 builder behind {@code load} into an empty store, against Jena's own loader. */
class Tdb2BuilderTest {
    private static final Sources SOURCES = new Sources(Path.of("").toAbsolutePath());
    /** Both loads record the same load time, so their meta graphs (and whole dumps) can be equal. */
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static ShapesCheck shapes;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readShapes() {
        shapes = ShapesCheck.of(SOURCES);
    }

    /** Generated statements (blank-node performances, RDF 1.2 annotations) plus a TriG file with a graph of its own. */
    private List<Path> inputs() throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.create();
        SyntheticFranchises.generate(6_000, 11, org.apache.jena.riot.system.StreamRDFLib.dataset(dsg));
        Path nt = tmp.resolve("synthetic.nt");
        try (OutputStream out = Files.newOutputStream(nt)) {
            RDFDataMgr.write(out, dsg.getGraph(SyntheticFranchises.GRAPH), Lang.NTRIPLES);
        }
        Path trig = tmp.resolve("extra.trig");
        Files.writeString(trig, """
                VERSION "1.2"
                PREFIX ex: <https://example.org/>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                ex:g {
                  ex:a ex:knows [ ex:name "nested" ; ex:age 42 ; ex:next [ ex:name "deeper"@en ] ] .
                  ex:a ex:said <<( ex:b ex:likes _:x )>> .
                  _:x ex:when "2020-01-01"^^xsd:date ; ex:score 1.5e0 , -7 , 3.25 .
                  ex:b ex:likes ex:c {| ex:source ex:review ; ex:confidence 0.9 |} .
                }
                ex:a ex:inFilesGraph "yes" .
                """);
        return List.of(nt, trig);
    }

    private static LoadReport load(Store store, List<Path> files, String loader) {
        List<Source> sources = SOURCES.of(files);
        assertTrue(BulkLoader.applies(store, sources));
        return new BulkLoader(store, shapes, FIXED, LoadProgress.quiet(), loader).load(sources);
    }

    private static byte[] dump(Store store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DumpWriter(store).write(DumpFormat.NQ, out);
        return out.toByteArray();
    }

    private static long count(Store store, String query) {
        return store.read(() -> {
            try (QueryExecution q = QueryExecution.dataset(DatasetFactory.wrap(store.dataset())).query(query).build()) {
                return q.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private static final String[] QUERIES = {
        "PREFIX rg: <https://w3id.org/reelgraph/ontology#> SELECT (COUNT(*) AS ?n) { ?f a rg:Film ; rg:partOfFranchise ?x ; rg:performance [ rg:actor ?a ] }",
        "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(isTriple(?o)) }",
        "SELECT (COUNT(*) AS ?n) { << ?s ?p ?o >> ?q ?v }",
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(isLiteral(?o) && datatype(?o) = <http://www.w3.org/2001/XMLSchema#integer> && ?o > 10) }",
    };

    @Test
    void aBuiltStoreDumpsByteForByteAsJenasLoaderAndAnswersTheSame() throws IOException {
        List<Path> files = inputs();
        Path builtDir = tmp.resolve("built");
        byte[] built;
        long[] builtAnswers = new long[QUERIES.length];
        try (Store store = Store.tdb2(builtDir)) {
            load(store, files, null);
            built = dump(store);
            for (int i = 0; i < QUERIES.length; i++)
                builtAnswers[i] = count(store, QUERIES[i]);
        }
        // The builder replaced the empty first generation with a second.
        assertTrue(Files.isDirectory(builtDir.resolve("Data-0002")));
        assertFalse(Files.exists(builtDir.resolve("Data-0001")));
        try (Store store = Store.tdb2(tmp.resolve("jena"))) {
            load(store, files, "phased");
            byte[] byJena = dump(store);
            assertTrue(byJena.length > 100_000, "dump too small: " + byJena.length);
            assertEquals(new String(byJena, StandardCharsets.UTF_8).lines().count(), new String(built, StandardCharsets.UTF_8).lines().count());
            assertArrayEquals(byJena, built, "the N-Quads dumps differ");
            for (int i = 0; i < QUERIES.length; i++)
                assertEquals(count(store, QUERIES[i]), builtAnswers[i], QUERIES[i]);
        }
        assertTrue(builtAnswers[0] > 0 && builtAnswers[2] > 0 && builtAnswers[3] > 0 && builtAnswers[4] > 0, Arrays.toString(builtAnswers));
    }

    @Test
    void aBuiltStoreTakesWritesAndReopens() throws IOException {
        Path dir = tmp.resolve("db");
        Node g = NodeFactory.createURI("https://example.org/later");
        Quad added = Quad.create(g, NodeFactory.createURI("https://example.org/s"), NodeFactory.createURI("https://example.org/p"),
                NodeFactory.createLiteralString("written after the build"));
        long quads;
        try (Store store = Store.tdb2(dir)) {
            load(store, inputs(), null);
            quads = store.quadCount();
            store.write(() -> store.dataset().add(added));
            assertEquals(quads + 1, store.quadCount());
            // Same node, new statement: the node table found it again.
            store.write(() -> store.dataset().add(Quad.create(g, added.getSubject(), added.getPredicate(), NodeFactory.createURI("https://example.org/a"))));
        }
        try (Store store = Store.tdb2(dir)) {
            assertEquals(quads + 2, store.quadCount());
            assertTrue(store.read(() -> store.dataset().contains(added)));
            assertEquals(2, count(store, "SELECT (COUNT(*) AS ?n) { GRAPH <https://example.org/later> { <https://example.org/s> ?p ?o } }"));
            assertTrue(count(store, "SELECT (COUNT(*) AS ?n) { GRAPH <https://example.org/g> { <https://example.org/a> ?p ?o } }") >= 2);
        }
    }

    @Test
    void badInputGivesFileAndLineAndLeavesNoStorageBehind() throws IOException {
        List<Path> files = inputs();
        Path nt = files.get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(nt, StandardCharsets.UTF_8));
        int bad = 4_321;
        lines.set(bad - 1, "<https://w3id.org/reelgraph/id/film/x> <http://www.w3.org/2000/01/rdf-schema#label> .");
        Files.write(nt, lines, StandardCharsets.UTF_8);
        Path dir = tmp.resolve("db");
        List<String> before;
        try (Store store = Store.tdb2(dir)) {
            before = names(dir);
            LoadException e = assertThrows(LoadException.class, () -> load(store, files, null));
            assertTrue(e.getMessage().startsWith(nt + ":" + bad + ": "), e.getMessage());
            assertEquals(0, e.getSuppressed().length, () -> java.util.Arrays.toString(e.getSuppressed()));
            assertEquals(0, store.quadCount());
        }
        assertEquals(before, names(dir), "left behind");
        assertTrue(before.contains("Data-0001"), before.toString());
        try (Store store = Store.tdb2(dir)) {
            assertEquals(0, store.quadCount(), "not empty after reopen");
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBuildThatCrashedBeforeItsMoveLeavesAnEmptyStoreThatLoadsAgain() throws IOException {
        Path dir = tmp.resolve("db");
        try (Store store = Store.tdb2(dir)) {
            assertTrue(store.isEmpty());
        }
        // What a kill -9 mid-build leaves: a half-written next generation under its temporary name.
        Path half = dir.resolve("Data-0002-tmp");
        Files.createDirectories(half);
        Files.write(half.resolve("nodes.dat"), new byte[] {1, 2, 3});
        try (Store store = Store.tdb2(dir)) {
            assertTrue(store.isEmpty(), "TDB2 opened the half-built generation");
            load(store, inputs(), null);
            assertTrue(store.quadCount() > 6_000);
        }
        assertFalse(Files.exists(half));
        assertEquals(List.of("Data-0002", "tdb.cfg", "tdb.lock"), names(dir));
    }

    @Test
    void generationsAreNumberedLikeTdb2s() {
        assertEquals("Data-0002", Tdb2Builder.nextGeneration("Data-0001"));
        assertEquals("Data-0010", Tdb2Builder.nextGeneration("Data-0009"));
    }
}
