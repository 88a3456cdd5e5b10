package org.reelgraph.dump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reelgraph.generate.SyntheticFranchises;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.Store;

class DumpWriterTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static Store loaded() {
        return loaded(Store.inMemory());
    }

    private static Store loaded(Store store) {
        Sources sources = new Sources(Path.of("").toAbsolutePath());
        new Loader(store, ShapesCheck.of(sources), FIXED).load(sources.standard());
        return store;
    }

    private static byte[] dump(Store store, DumpFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DumpWriter(store).write(format, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(DumpFormat.class)
    void theSameDataGivesByteIdenticalDumpsWhateverLabelsTheStoreGaveBlankNodes(DumpFormat format) {
        try (Store a = loaded(); Store b = loaded()) {
            assertNotEquals(blankLabels(a), blankLabels(b), "each load labels blank nodes afresh");
            assertArrayEquals(dump(a, format), dump(b, format));
        }
    }

    @Test
    void nTriplesAreSortedAndDistinct() {
        try (Store store = loaded()) {
            List<String> lines = new String(dump(store, DumpFormat.NT), StandardCharsets.UTF_8).lines().toList();
            assertEquals(new ArrayList<>(new TreeSet<>(lines)), lines);
            long annotations = store.read(() -> {
                var union = store.dataset().getUnionGraph();
                return union.find().toList().stream().filter(t -> t.getPredicate().equals(RDF.reifies.asNode())
                        || union.contains(t.getSubject(), RDF.reifies.asNode(), Node.ANY)).count();
            });
            assertTrue(annotations > 0, "the seed review's evidence");
            assertEquals(store.unionSize() - annotations, lines.size(), "every fact, no annotation");
        }
    }

    @Test
    void externalSortSpillsRunsAndMergesThemInOrderOnce() {
        List<String> input = new ArrayList<>();
        for (int i = 0; i < 1000; i++)
            input.add(Integer.toString((i * 7919) % 500));
        // A line longer than a run gets a run of its own.
        input.add("x".repeat(200));
        List<String> out = new ArrayList<>();
        try (ExternalSort sort = new ExternalSort(64)) {
            for (String line : input) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                sort.add(bytes, 0, bytes.length);
            }
            SortedLines sorted = sort.sorted();
            while (sorted.next())
                out.add(new String(sorted.bytes(), sorted.offset(), sorted.length(), StandardCharsets.UTF_8));
            // A reader may ask again after the end (the Turtle dump's parser does): still the end, no error.
            assertFalse(sorted.next());
            assertFalse(sorted.next());
        }
        assertEquals(new ArrayList<>(new TreeSet<>(input)), out);
        assertEquals(501, out.size());
    }

    @Test
    void aMergeAskedAgainAfterItsEndStaysAtTheEnd() {
        // The greatest line comes first, so the source that ends the merge is a spilled run file.
        try (ExternalSort sort = new ExternalSort(64)) {
            for (int i = 0; i < 15; i++) {
                byte[] bytes = (i == 0 ? "z".repeat(20) : "%020d".formatted(i)).getBytes(StandardCharsets.UTF_8);
                sort.add(bytes, 0, bytes.length);
            }
            SortedLines sorted = sort.sorted();
            int n = 0;
            while (sorted.next())
                n++;
            assertEquals(15, n);
            assertFalse(sorted.next());
            assertFalse(sorted.next());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 4096, 65536, 1 << 20})
    void twoThreadsWriteTheMergedLinesInOrderOnce(int runBytes) throws Exception {
        // Many equal lines, so the pivot itself comes up in several runs (and halves of runs).
        SplittableRandom random = new SplittableRandom(5);
        List<String> input = new ArrayList<>();
        for (int i = 0; i < 20_000; i++)
            input.add("<s" + random.nextInt(3000) + "> <p> \"" + random.nextInt(4) + "\" .");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n;
        try (ExternalSort sort = new ExternalSort(runBytes, 2)) {
            ExternalSort.Writer a = sort.writer();
            ExternalSort.Writer b = sort.writer();
            for (int i = 0; i < input.size(); i++) {
                byte[] bytes = input.get(i).getBytes(StandardCharsets.UTF_8);
                (i % 3 == 0 ? a : b).add(bytes, 0, bytes.length, bytes.length > 0 ? input.get(i).indexOf(' ') : 0);
            }
            a.close();
            b.close();
            n = sort.writeLines(out);
        }
        StringBuilder expected = new StringBuilder();
        TreeSet<String> distinct = new TreeSet<>(input);
        distinct.forEach(line -> expected.append(line).append('\n'));
        assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
        assertEquals(distinct.size(), n);
    }

    @Test
    void utf8LinesSortAsTheirStringsDo() {
        // U+E000..U+FFFF sort after the supplementary planes in UTF-16 (surrogates), before them in UTF-8.
        String[] pieces = {"a", "z", "\u00e9", "\u0800", "\ud7ff", "\ue000", "\uffee", "\ud83c\udfac", "\ud800\udc00", "\udbff\udfff", " ", "\"", ""};
        SplittableRandom random = new SplittableRandom(7);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--)
                b.append(pieces[random.nextInt(pieces.length)]);
            strings.add(b.toString());
        }
        List<String> byBytes = new ArrayList<>(strings);
        byBytes.sort((x, y) -> {
            byte[] a = x.getBytes(StandardCharsets.UTF_8);
            byte[] b = y.getBytes(StandardCharsets.UTF_8);
            return Integer.signum(LineOrder.compare(a, 0, a.length, b, 0, b.length));
        });
        List<String> byStrings = new ArrayList<>(strings);
        byStrings.sort(null);
        assertEquals(byStrings, byBytes);
        // The same order from sorted runs (compared eight bytes at a time off the heap) and their merge.
        List<String> sorted = new ArrayList<>();
        try (ExternalSort sort = new ExternalSort(4096)) {
            for (String s : strings) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                sort.add(bytes, 0, bytes.length);
            }
            SortedLines lines = sort.sorted();
            while (lines.next())
                sorted.add(new String(lines.bytes(), lines.offset(), lines.length(), StandardCharsets.UTF_8));
        }
        assertEquals(new ArrayList<>(new TreeSet<>(strings)), sorted);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void linesSortedBySubjectGroupComeOutAsWholeLinesSort(boolean subjectWithASpace) {
        // Subjects that are prefixes of one another, one subject in groups far apart, and (maybe) a
        // subject holding a space, after which the run must sort line by line.
        List<String> subjects = new ArrayList<>(List.of("<a>", "<a/b>", "<ab>", "_:b1", "_:b10", "<\u00e9>", "<\ud83c\udfac>", "<\uffee>"));
        if (subjectWithASpace)
            subjects.add("<a> <b>");
        SplittableRandom random = new SplittableRandom(3);
        List<String> lines = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        for (int group = 0; group < 400; group++) {
            String subject = subjects.get(random.nextInt(subjects.size()));
            for (int k = random.nextInt(1, 6); k > 0; k--) {
                lines.add(subject + " <p" + random.nextInt(3) + "> \"" + random.nextInt(5) + "\" .");
                keys.add(subject.getBytes(StandardCharsets.UTF_8).length);
            }
        }
        List<String> out = new ArrayList<>();
        try (ExternalSort sort = new ExternalSort(1024)) {
            ExternalSort.Writer writer = sort.writer();
            for (int i = 0; i < lines.size(); i++) {
                byte[] bytes = lines.get(i).getBytes(StandardCharsets.UTF_8);
                writer.add(bytes, 0, bytes.length, keys.get(i));
            }
            writer.close();
            SortedLines sorted = sort.sorted();
            while (sorted.next())
                out.add(new String(sorted.bytes(), sorted.offset(), sorted.length(), StandardCharsets.UTF_8));
        }
        assertEquals(new ArrayList<>(new TreeSet<>(lines)), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nt", "nq"})
    void tdb2IndexesGiveTheSameBytesAsTheFirstImplementationOnTheProjectData(String extension, @TempDir Path dir) {
        DumpFormat format = DumpFormat.byExtension(extension).orElseThrow();
        try (Store onDisk = onDisk(dir, DumpWriterTest::loaded); Store inMemory = loaded()) {
            for (Store store : List.of(onDisk, inMemory))
                assertSameAsTheFirstImplementation(store, format);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nt", "nq"})
    void tdb2IndexesGiveTheSameBytesAsTheFirstImplementationOnAGeneratedStore(String extension, @TempDir Path dir) {
        DumpFormat format = DumpFormat.byExtension(extension).orElseThrow();
        try (Store store = onDisk(dir, s -> s.write(() -> SyntheticFranchises.generate(100_000, 1, StreamRDFLib.dataset(s.dataset()))))) {
            assertSameAsTheFirstImplementation(store, format);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nt", "nq"})
    void awkwardTermsGiveTheSameBytesAsTheFirstImplementation(String extension, @TempDir Path dir) {
        DumpFormat format = DumpFormat.byExtension(extension).orElseThrow();
        try (Store store = onDisk(dir, DumpWriterTest::awkward)) {
            assertSameAsTheFirstImplementation(store, format);
        }
    }

    private static void awkward(Store store) {
        store.write(() -> RDFParser.fromString(AWKWARD, Lang.TRIG).parse(store.dataset()));
        store.write(() -> {
            // Terms longer than the node file reader's first try (160 bytes) and than its mapped overlap (1 MiB).
            Node g = NodeFactory.createURI("https://example.org/long");
            Node s = NodeFactory.createURI("https://example.org/s");
            Node p = NodeFactory.createURI("https://example.org/p");
            store.dataset().add(g, s, p, NodeFactory.createLiteralString("\u00e9".repeat(400)));
            store.dataset().add(g, s, NodeFactory.createURI("https://example.org/q"), NodeFactory.createLiteralString("long\n".repeat(220_000)));
            store.dataset().add(g, NodeFactory.createBlankNode(), p, NodeFactory.createLiteralLang("x".repeat(2000), "en"));
            // Read back from the files, an IRI written as _:label is a blank node (RiotLib.createIRIorBNode).
            store.dataset().add(g, s, p, NodeFactory.createURI("_:written-as-an-iri"));
            store.dataset().add(g, s, p, NodeFactory.createURI("https://example.org/caf\u00e9/\ud83c\udfac"));
        });
    }

    /**
     * A store on disk, filled, closed and opened again: dumped as a dump command would, from what
     * TDB2 reads back from its files rather than from the nodes it cached while writing them.
     */
    private static Store onDisk(Path dir, Consumer<Store> fill) {
        try (Store store = Store.tdb2(dir)) {
            fill.accept(store);
        }
        return Store.tdb2(dir);
    }

    @Test
    void termsReadStraightFromTheNodeFileAreWhatJenaFormats(@TempDir Path dir) {
        try (Store store = onDisk(dir, DumpWriterTest::awkward)) {
            store.read(() -> {
                Tdb2Source source = Tdb2Source.of(store.storage()).orElseThrow();
                Set<Long> ids = new TreeSet<>();
                source.forEachQuad((g, s, p, o) -> {
                    ids.addAll(List.of(s, p, o));
                    if (g != null)
                        ids.add(g);
                });
                int plain = 0;
                for (long id : ids) {
                    byte[] bytes = source.plainTerm(id);
                    if (bytes != null) {
                        assertEquals(NTerms.format(source.node(id)), new String(bytes, StandardCharsets.UTF_8));
                        plain++;
                    }
                }
                assertTrue(plain > 20, plain + " of " + ids.size());
                return null;
            });
        }
    }

    /** Blank nodes in cycles, in triple terms and in the default graph, escapes, non-BMP characters, inline literals. */
    private static final String AWKWARD = """
            PREFIX : <https://example.org/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            :s :p "tab\tquote\\"back\\\\slash" , "caf\u00e9"@fr , "\\U0001F3AC film" , "\\uE000 private" , "\\uFFEE half" .
            :s :q "en"@en , "gb"@en-GB , "upper"@EN , "explicit"^^xsd:string , "0123"^^xsd:integer , "<b>x</b>"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML> , "odd"^^:type , "" .
            _:d :p _:d2 . _:d2 :q _:d .
            GRAPH :g1 {
              :a :knows _:x . _:x :knows _:y . _:y :knows _:x . _:y :name "y" .
              _:x :value 42 , 3.14 , "2025-01-01"^^xsd:date , true , "1e3"^^xsd:double , -7 .
              _:r <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( _:x :knows :a )>> .
              _:r :says "annotated" .
              :a :about <<( :a :knows :b )>> .
              :a :label "same in two graphs" .
            }
            GRAPH :g2 {
              :a :label "same in two graphs" .
              _:x :knows :a .
              :c :list ( 1 2 3 ) .
            }
            """;

    private static void assertSameAsTheFirstImplementation(Store store, DumpFormat format) {
        byte[] reference = ReferenceDump.dump(store, format.quads());
        assertTrue(reference.length > 0);
        ByteArrayOutputStream publicApi = new ByteArrayOutputStream();
        new DumpWriter(store, false).write(format, publicApi);
        assertSameBytes(reference, dump(store, format), "TDB2 indexes");
        assertSameBytes(reference, publicApi.toByteArray(), "public API");
    }

    /** On a difference, reports the first line that differs (cut short: some lines are megabytes). */
    private static void assertSameBytes(byte[] expected, byte[] actual, String what) {
        if (Arrays.equals(expected, actual))
            return;
        List<String> e = new String(expected, StandardCharsets.UTF_8).lines().toList();
        List<String> a = new String(actual, StandardCharsets.UTF_8).lines().toList();
        int i = 0;
        while (i < Math.min(e.size(), a.size()) && e.get(i).equals(a.get(i)))
            i++;
        throw new AssertionError(what + ": line " + (i + 1) + " of " + e.size() + "/" + a.size() + " differs: expected "
                + cut(i < e.size() ? e.get(i) : "(end)") + " but was " + cut(i < a.size() ? a.get(i) : "(end)"));
    }

    private static String cut(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Test
    void aDumpReadsOneSnapshotWhileOthersWrite(@TempDir Path dir) throws Exception {
        try (Store store = Store.tdb2(dir)) {
            store.write(() -> SyntheticFranchises.generate(30_000, 2, StreamRDFLib.dataset(store.dataset())));
            byte[] before = dump(store, DumpFormat.NQ);
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                // New terms (appended to the node file past what the dump's transaction sees) and deletions.
                for (int i = 0; !stop.get(); i++) {
                    int n = i;
                    store.write(() -> {
                        Node g = NodeFactory.createURI("https://example.org/later/" + n);
                        store.dataset().add(g, NodeFactory.createBlankNode(), NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString("later " + n));
                        var first = store.dataset().find(SyntheticFranchises.GRAPH, Node.ANY, Node.ANY, Node.ANY).next();
                        store.dataset().delete(first);
                    });
                }
            });
            ByteArrayOutputStream during = new ByteArrayOutputStream();
            DumpWriter dumps = new DumpWriter(store);
            writer.start();
            try {
                // Every read of this dump happens after the writer has started; the snapshot is the one at its start.
                store.read(() -> {
                    byte[] snapshot = ReferenceDump.dump(store, true);
                    dumps.write(DumpFormat.NQ, during);
                    assertSameBytes(snapshot, during.toByteArray(), "the snapshot");
                    return null;
                });
            } finally {
                stop.set(true);
                writer.join();
            }
            assertTrue(store.read(() -> store.dataset().find(NodeFactory.createURI("https://example.org/later/0"), Node.ANY, Node.ANY, Node.ANY).hasNext()), "the writer wrote");
            assertFalse(Arrays.equals(before, dump(store, DumpFormat.NQ)), "later dumps see the writes");
        }
    }

    @Test
    void byteRangesFollowRfc9110() throws ByteRange.Unsatisfiable {
        assertEquals(new ByteRange(0, 9), ByteRange.parse("bytes=0-9", 100).orElseThrow());
        assertEquals(new ByteRange(90, 99), ByteRange.parse("bytes=90-", 100).orElseThrow());
        assertEquals(new ByteRange(80, 99), ByteRange.parse("bytes=-20", 100).orElseThrow());
        assertEquals(new ByteRange(95, 99), ByteRange.parse("bytes=95-200", 100).orElseThrow());
        assertTrue(ByteRange.parse("bytes=0-1,5-6", 100).isEmpty(), "several ranges: send it all");
        assertTrue(ByteRange.parse("items=0-1", 100).isEmpty());
        assertTrue(ByteRange.parse(null, 100).isEmpty());
        assertThrowsUnsatisfiable("bytes=100-");
        assertThrowsUnsatisfiable("bytes=-0");
    }

    private static void assertThrowsUnsatisfiable(String header) {
        try {
            ByteRange.parse(header, 100);
        } catch (ByteRange.Unsatisfiable expected) {
            return;
        }
        throw new AssertionError(header + " should be unsatisfiable");
    }

    private static Set<String> blankLabels(Store store) {
        return store.read(() -> {
            Set<String> labels = new TreeSet<>();
            store.dataset().find().forEachRemaining(q -> {
                if (q.getObject().isBlank())
                    labels.add(q.getObject().getBlankNodeLabel());
                Node s = q.getSubject();
                if (s.isBlank())
                    labels.add(s.getBlankNodeLabel());
            });
            return labels;
        });
    }
}
