package org.reelgraph.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Lines in one byte array (no object per line), sorted in place by an index array: one run of an
 * external sort. The array is reused from run to run.
 */
final class LineRun {
    private final int capacity;
    private byte[] data;
    private int used;
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int count;
    private int[] order = new int[0];

    LineRun(int capacity) {
        this.capacity = capacity;
        this.data = new byte[capacity];
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Whether a line of {@code length} bytes fits; an empty run takes any line. */
    boolean fits(int length) {
        return count == 0 || used + length <= data.length;
    }

    void add(byte[] line, int offset, int length) {
        if (used + length > data.length)
            // Only an empty run gets here: one line bigger than a run has a run of its own.
            data = new byte[length];
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        System.arraycopy(line, offset, data, used, length);
        starts[count] = used;
        lengths[count] = length;
        used += length;
        count++;
    }

    void clear() {
        if (data.length != capacity)
            data = new byte[capacity];
        used = 0;
        count = 0;
    }

    /** Sorts the lines (a stable merge sort on the index; input is often partly in order already). */
    void sort() {
        if (order.length < count)
            order = new int[Math.max(count, order.length * 2)];
        for (int i = 0; i < count; i++)
            order[i] = i;
        int[] work = Arrays.copyOf(order, count);
        mergeSort(work, order, 0, count);
    }

    /** Sorts {@code src[from, to)} into {@code dst[from, to)}; both start with the same contents. */
    private void mergeSort(int[] src, int[] dst, int from, int to) {
        int n = to - from;
        if (n < 12) {
            for (int i = from + 1; i < to; i++) {
                int x = dst[i];
                int j = i - 1;
                for (; j >= from && compare(dst[j], x) > 0; j--)
                    dst[j + 1] = dst[j];
                dst[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid);
        mergeSort(dst, src, mid, to);
        if (compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, n);
            return;
        }
        for (int i = from, p = from, q = mid; i < to; i++)
            dst[i] = q >= to || (p < mid && compare(src[p], src[q]) <= 0) ? src[p++] : src[q++];
    }

    private int compare(int x, int y) {
        return LineOrder.compare(data, starts[x], lengths[x], data, starts[y], lengths[y]);
    }

    /** Writes the sorted lines, each once, as (length, bytes) records. Call after {@link #sort()}. */
    void writeTo(OutputStream out) throws IOException {
        int previous = -1;
        for (int k = 0; k < count; k++) {
            int i = order[k];
            if (previous >= 0 && LineOrder.equal(data, starts[i], lengths[i], data, starts[previous], lengths[previous]))
                continue;
            RunFile.writeLength(out, lengths[i]);
            out.write(data, starts[i], lengths[i]);
            previous = i;
        }
    }

    /** The sorted lines, in memory. Call after {@link #sort()}. */
    SortedLines lines() {
        return new SortedLines() {
            private int k = -1;

            @Override
            public boolean next() {
                return ++k < count;
            }

            @Override
            public byte[] bytes() {
                return data;
            }

            @Override
            public int offset() {
                return starts[order[k]];
            }

            @Override
            public int length() {
                return lengths[order[k]];
            }
        };
    }
}
