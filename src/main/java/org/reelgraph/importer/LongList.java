package org.reelgraph.importer;

import java.util.Arrays;

/** A growable list of longs (no boxing). */
final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length)
            values = Arrays.copyOf(values, size * 2);
        values[size++] = value;
    }

    long[] sortedDistinct() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int kept = 0;
        for (int i = 0; i < sorted.length; i++)
            if (kept == 0 || sorted[kept - 1] != sorted[i])
                sorted[kept++] = sorted[i];
        return Arrays.copyOf(sorted, kept);
    }
}
