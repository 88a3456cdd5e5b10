package org.reelgraph.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdTupleSortTest {
    @TempDir
    Path dir;

    /** A tuple as a comparable key: the longs unsigned, column by column, as TDB2 orders index records. */
    private record Tuple(long[] ids) implements Comparable<Tuple> {
        @Override
        public int compareTo(Tuple other) {
            return Arrays.compareUnsigned(ids, other.ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tuple t && Arrays.equals(ids, t.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    @Test
    void manyRunsMergeIntoUnsignedOrderWithEveryTupleOnceAndTheFilesGo() throws IOException {
        Random random = new Random(7);
        TreeSet<Tuple> expected = new TreeSet<>();
        try (IdTupleSort sort = new IdTupleSort(4, 1_000, dir)) {
            for (int n = 0; n < 25_000; n++) {
                long[] ids = new long[4];
                for (int i = 0; i < 4; i++)
                    // Few distinct values per column, so equal prefixes and whole duplicates are common;
                    // values with the top bit set (TDB2's inline NodeIds) sort after the others.
                    ids[i] = switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(5);
                        case 1 -> Long.MIN_VALUE + random.nextInt(3);
                        case 2 -> -1L - random.nextInt(3);
                        default -> random.nextLong();
                    };
                expected.add(new Tuple(ids.clone()));
                sort.add(ids);
            }
            try (Stream<Path> runs = Files.list(dir)) {
                // The 25th run stays in memory until the first read.
                assertEquals(24, runs.count(), "full runs of 1,000 tuples spilled");
            }
            for (Tuple t : expected) {
                assertEquals(true, sort.next());
                long[] got = new long[4];
                for (int i = 0; i < 4; i++)
                    got[i] = sort.get(i);
                assertArrayEquals(t.ids(), got);
            }
            assertFalse(sort.next());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void oneTupleAndNoneAtAll() {
        try (IdTupleSort sort = new IdTupleSort(3, 10, dir)) {
            sort.add(new long[] {3, 2, 1});
            sort.add(new long[] {3, 2, 1});
            assertEquals(true, sort.next());
            assertEquals(1, sort.get(2));
            assertFalse(sort.next());
        }
        try (IdTupleSort empty = new IdTupleSort(3, 10, dir)) {
            assertFalse(empty.next());
        }
    }
}
