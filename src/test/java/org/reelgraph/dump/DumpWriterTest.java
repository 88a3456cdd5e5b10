package org.reelgraph.dump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.Store;

class DumpWriterTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static Store loaded() {
        Sources sources = new Sources(Path.of("").toAbsolutePath());
        Store store = Store.inMemory();
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
            List<String> lines = new String(dump(store, DumpFormat.NT), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
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
        List<String> out = new ArrayList<>();
        try (ExternalSort sort = new ExternalSort(64)) {
            input.forEach(sort::add);
            sort.sorted().forEachRemaining(out::add);
        }
        assertEquals(new ArrayList<>(new TreeSet<>(input)), out);
        assertEquals(500, out.size());
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
