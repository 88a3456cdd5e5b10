package org.reelgraph.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class QuadWindowTest {
    /** Quads sorted by (graph, key) unsigned: keys include negative longs (TDB2's inline ids), which sort last. */
    private static List<long[]> sortedQuads(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] keys = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, Long.MAX_VALUE, -9, -1};
        List<long[]> quads = new ArrayList<>();
        for (long graph : new long[] {7, 11}) {
            for (long key : keys) {
                int n = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 12);
                for (int i = 0; i < n; i++)
                    quads.add(new long[] {graph, key, random.nextLong(100), random.nextLong(100)});
            }
        }
        return quads;
    }

    private static QuadWindow.Source source(List<long[]> quads) {
        Iterator<long[]> it = quads.iterator();
        return quad -> {
            if (!it.hasNext())
                return false;
            System.arraycopy(it.next(), 0, quad, 0, 4);
            return true;
        };
    }

    private static List<List<Long>> truth(List<long[]> quads, long graph, long key) {
        List<List<Long>> pairs = new ArrayList<>();
        for (long[] q : quads)
            if (q[0] == graph && q[1] == key)
                pairs.add(List.of(q[2], q[3]));
        return pairs;
    }

    @Test
    void advancingHandsOutEveryQuadAndAnswersOnlyWhatItHoldsWhole() {
        for (long seed = 0; seed < 20; seed++) {
            List<long[]> quads = sortedQuads(seed);
            QuadWindow window = new QuadWindow(8, true, source(quads));
            List<long[]> handedOut = new ArrayList<>();
            int known = 0;
            while (window.advance()) {
                handedOut.add(new long[] {window.graph(), window.key(), window.third(), window.fourth()});
                for (long key : new long[] {window.key(), 1, 3, 4, 89, 144, -9, -1, Long.MAX_VALUE}) {
                    List<List<Long>> found = new ArrayList<>();
                    if (window.lookUp(window.graph(), key, (a, b) -> found.add(List.of(a, b)))) {
                        assertEquals(truth(quads, window.graph(), key), found, "seed " + seed + " key " + key);
                        known++;
                    } else {
                        assertTrue(found.isEmpty());
                    }
                }
            }
            assertEquals(quads.size(), handedOut.size());
            for (int i = 0; i < quads.size(); i++)
                assertEquals(List.of(quads.get(i)[0], quads.get(i)[1], quads.get(i)[2], quads.get(i)[3]),
                        List.of(handedOut.get(i)[0], handedOut.get(i)[1], handedOut.get(i)[2], handedOut.get(i)[3]));
            assertTrue(known > 0);
        }
    }

    @Test
    void seekingAnswersLookUpsInOrderAndAnswersOnlyWhatItHoldsWhole() {
        long[] keys = {1, 2, 3, 4, 5, 8, 13, 21, 34, 55, 89, 144, 233, Long.MAX_VALUE, -9, -1};
        for (long seed = 0; seed < 20; seed++) {
            List<long[]> quads = sortedQuads(seed);
            QuadWindow window = new QuadWindow(16, true, source(quads));
            for (long graph : new long[] {7, 11}) {
                for (long key : keys) {
                    List<List<Long>> expected = truth(quads, graph, key);
                    List<List<Long>> found = new ArrayList<>();
                    boolean answered = window.seek(graph, key, (a, b) -> found.add(List.of(a, b)));
                    if (expected.size() <= 12)
                        assertTrue(answered, "in order and small enough: seed " + seed + " key " + key);
                    if (answered)
                        assertEquals(expected, found);
                    // A look-up behind the window is answered only if still held whole.
                    List<List<Long>> behind = new ArrayList<>();
                    if (window.seek(graph, 1, (a, b) -> behind.add(List.of(a, b))))
                        assertEquals(truth(quads, graph, 1), behind);
                }
            }
        }
    }

    @Test
    void quadsOutOfOrderAnswerNothing() {
        List<long[]> quads = new ArrayList<>(List.of(new long[] {1, 5, 0, 0}, new long[] {1, 2, 0, 0}, new long[] {1, 5, 1, 1}));
        QuadWindow window = new QuadWindow(8, true, source(quads));
        int n = 0;
        while (window.advance()) {
            n++;
            assertFalse(window.lookUp(1, 5, (a, b) -> {}));
        }
        assertEquals(3, n);
    }
}
