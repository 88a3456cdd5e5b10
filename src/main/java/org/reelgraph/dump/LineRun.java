package org.reelgraph.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Lines in one buffer (no object per line), sorted in place by an index array: one run of an
 * external sort, reused from run to run. The buffer is off the heap: runs are most of a dump's
 * memory, and a 256 MiB heap that held them would leave the garbage collector little room.
 */
final class LineRun {
    private final int capacity;
    private ByteBuffer data;
    private int used;
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int count;
    private int[] order = new int[0];
    private long[] keys = new long[0];
    private byte[] copy = new byte[256];
    /** The start of the first line, and how much of it every line so far shares: sorting starts past it. */
    private final byte[] first = new byte[256];
    private int common;

    LineRun(int capacity) {
        this.capacity = capacity;
        this.data = ByteBuffer.allocateDirect(capacity);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Whether a line of {@code length} bytes fits; an empty run takes any line. */
    boolean fits(int length) {
        return count == 0 || used + length <= data.capacity();
    }

    void add(byte[] line, int offset, int length) {
        if (used + length > data.capacity())
            // Only an empty run gets here: one line bigger than a run has a run of its own.
            data = ByteBuffer.allocate(length);
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        data.put(used, line, offset, length);
        if (count == 0) {
            common = Math.min(length, first.length);
            System.arraycopy(line, offset, first, 0, common);
        } else if (common > 0) {
            int n = Math.min(common, length);
            int i = Arrays.mismatch(first, 0, n, line, offset, offset + n);
            common = i < 0 ? n : i;
        }
        starts[count] = used;
        lengths[count] = length;
        used += length;
        count++;
    }

    void clear() {
        if (data.capacity() != capacity)
            data = ByteBuffer.allocateDirect(capacity);
        used = 0;
        count = 0;
    }

    /**
     * Sorts the lines: a most-significant-digit radix sort seven bytes at a time. Each pass puts the
     * next seven bytes of every line of a group (plus how many of them there are) in one long and
     * sorts those longs, so lines with a long common start (IRIs in one namespace) cost a pass over
     * that start, not a comparison of it per pair. Groups left equal go on to the next seven bytes.
     */
    void sort() {
        if (order.length < count) {
            order = new int[Math.max(count, order.length * 2)];
            keys = new long[order.length];
        }
        for (int i = 0; i < count; i++)
            order[i] = i;
        // An explicit stack of (from, to, depth): equal starts can be long, recursion could be deep.
        int[] stack = new int[96];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = count;
        stack[top++] = common;
        while (top > 0) {
            int depth = stack[--top];
            int to = stack[--top];
            int from = stack[--top];
            while (to - from > 1) {
                if (to - from <= 16) {
                    insertionSort(from, to, depth);
                    break;
                }
                for (int i = from; i < to; i++)
                    keys[i] = key(order[i], depth);
                quickSort(from, to);
                if (keys[from] == keys[to - 1]) {
                    // One group: all end here (equal lines) or all go on.
                    if (!continues(keys[from]))
                        break;
                    depth += SEVEN;
                    continue;
                }
                for (int a = from; a < to; ) {
                    int b = a + 1;
                    while (b < to && keys[b] == keys[a])
                        b++;
                    if (b - a > 1 && continues(keys[a])) {
                        if (top + 3 > stack.length)
                            stack = Arrays.copyOf(stack, stack.length * 2);
                        stack[top++] = a;
                        stack[top++] = b;
                        stack[top++] = depth + SEVEN;
                    }
                    a = b;
                }
                break;
            }
        }
    }

    private static final int SEVEN = 7;

    /**
     * Bytes {@code depth} to {@code depth + 7} of a line in {@link LineOrder} ranks, then how many of
     * them the line has (7: it goes on), sign bit flipped so that signed order is unsigned order.
     */
    private long key(int line, int depth) {
        int start = starts[line] + depth;
        int remaining = lengths[line] - depth;
        int n = Math.min(remaining, SEVEN);
        long x = 0;
        if (n == SEVEN && start + 8 <= data.capacity()) {
            x = data.getLong(start) & 0xFFFF_FFFF_FFFF_FF00L;
        } else {
            for (int i = 0; i < n; i++)
                x |= (data.get(start + i) & 0xFFL) << (56 - 8 * i);
        }
        if ((x & 0x8080_8080_8080_8000L) != 0)
            x = ranked(x);
        return (x | n) ^ Long.MIN_VALUE;
    }

    private static boolean continues(long key) {
        return ((key ^ Long.MIN_VALUE) & 0xFF) == SEVEN;
    }

    /** The seven high bytes mapped to their {@link LineOrder} ranks (only some non-ASCII lead bytes move). */
    private static long ranked(long x) {
        long y = 0;
        for (int shift = 56; shift >= 8; shift -= 8)
            y |= (long) LineOrder.rank((byte) (x >>> shift)) << shift;
        return y;
    }

    /** Sorts {@code keys[from, to)} with {@code order} alongside: a three-way quicksort. */
    private void quickSort(int from, int to) {
        while (to - from > 16) {
            int mid = (from + to) >>> 1;
            long pivot = median(keys[from], keys[mid], keys[to - 1]);
            // Dutch-flag partition: [from, lt) < pivot, [lt, i) == pivot, (gt, to) > pivot.
            int lt = from;
            int gt = to - 1;
            int i = from;
            while (i <= gt) {
                long k = keys[i];
                if (k < pivot)
                    swap(lt++, i++);
                else if (k > pivot)
                    swap(i, gt--);
                else
                    i++;
            }
            // The smaller side by recursion, the larger by the loop: the stack stays shallow.
            if (lt - from < to - gt - 1) {
                quickSort(from, lt);
                from = gt + 1;
            } else {
                quickSort(gt + 1, to);
                to = lt;
            }
        }
        for (int i = from + 1; i < to; i++) {
            long k = keys[i];
            int o = order[i];
            int j = i - 1;
            for (; j >= from && keys[j] > k; j--) {
                keys[j + 1] = keys[j];
                order[j + 1] = order[j];
            }
            keys[j + 1] = k;
            order[j + 1] = o;
        }
    }

    private static long median(long a, long b, long c) {
        return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
    }

    private void swap(int i, int j) {
        long k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        int o = order[i];
        order[i] = order[j];
        order[j] = o;
    }

    /** Sorts a small group whose lines agree on their first {@code depth} bytes. */
    private void insertionSort(int from, int to, int depth) {
        for (int i = from + 1; i < to; i++) {
            int x = order[i];
            int j = i - 1;
            for (; j >= from && compare(order[j], x, depth) > 0; j--)
                order[j + 1] = order[j];
            order[j + 1] = x;
        }
    }

    private int compare(int x, int y, int depth) {
        return LineOrder.compare(data, starts[x] + depth, lengths[x] - depth, starts[y] + depth, lengths[y] - depth);
    }

    private int compare(int x, int y) {
        return compare(x, y, 0);
    }

    /** Writes the sorted lines, each once, as (length, bytes) records. Call after {@link #sort()}. */
    void writeTo(OutputStream out) throws IOException {
        int previous = -1;
        for (int k = 0; k < count; k++) {
            int i = order[k];
            if (previous >= 0 && lengths[i] == lengths[previous] && compare(i, previous) == 0)
                continue;
            RunFile.writeLength(out, lengths[i]);
            out.write(copy(i), 0, lengths[i]);
            previous = i;
        }
    }

    /** Line {@code i} copied onto the heap, into an array reused for the next one. */
    private byte[] copy(int i) {
        if (copy.length < lengths[i])
            copy = new byte[Math.max(lengths[i], copy.length * 2)];
        data.get(starts[i], copy, 0, lengths[i]);
        return copy;
    }

    /** The sorted lines, in memory. Call after {@link #sort()}. */
    SortedLines lines() {
        return new SortedLines() {
            private int k = -1;
            private byte[] line;

            @Override
            public boolean next() {
                if (++k >= count)
                    return false;
                line = copy(order[k]);
                return true;
            }

            @Override
            public byte[] bytes() {
                return line;
            }

            @Override
            public int offset() {
                return 0;
            }

            @Override
            public int length() {
                return lengths[order[k]];
            }
        };
    }
}
