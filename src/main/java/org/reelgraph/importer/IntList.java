package org.reelgraph.importer;

import java.util.Arrays;

/** A growable list of ints (no boxing: millions of ids fit in a few MB). */
final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int value) {
        if (size == values.length)
            values = Arrays.copyOf(values, size * 2);
        values[size++] = value;
    }

    /** Sorted, without duplicates, for binary search. */
    int[] sortedDistinct() {
        int[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int kept = 0;
        for (int i = 0; i < sorted.length; i++)
            if (kept == 0 || sorted[kept - 1] != sorted[i])
                sorted[kept++] = sorted[i];
        return Arrays.copyOf(sorted, kept);
    }
}
