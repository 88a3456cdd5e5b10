package org.reelgraph.dump;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines in one buffer (no object per line), sorted in place by an index array: one run of an
 * external sort, reused from run to run. The buffer is off the heap: runs are most of a dump's
 * memory, and a 256 MiB heap that held them would leave the garbage collector little room.
 *
 * <p>Lines may come with a key: their first term (the subject), which a space ends. Lines in a row
 * with the same key form a group, and sorting sorts the groups by key, then each group's lines by
 * the rest: a few keys stand for many lines. That is the order of the whole lines as long as no key
 * is followed by a space inside another key, so a key holding a space makes the run sort line by line.
 */
final class LineRun {
    private static final int SMALL = 12;
    private static final int SEVEN = 7;

    private final int capacity;
    private ByteBuffer data;
    private int used;
    private int count;
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int[] order = new int[0];
    private long[] keys = new long[0];

    /** Groups: the first line of each, and its key length with the space. */
    private int groups;
    private int[] groupFirst = new int[1024];
    private int[] groupStarts = new int[1024];
    private int[] groupKeys = new int[1024];
    private int[] groupOrder = new int[0];
    /** The current group's key, with its space. */
    private byte[] key = new byte[256];
    private int keyLength;
    /** False once a line came without a usable key: the run sorts line by line. */
    private boolean grouped = true;
    /** The start of the first line, and how much of it every line (or, grouped, every key) so far shares: sorting starts past it. */
    private final byte[] first = new byte[256];
    private int lineCommon;
    private int keyCommon;

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

    /** Adds a line without a key (the run then sorts line by line). */
    void add(byte[] line, int offset, int length) {
        add(line, offset, length, 0);
    }

    /** Adds a line whose first {@code key} bytes are its first term (0: none). */
    void add(byte[] line, int offset, int length, int key) {
        if (used + length > data.capacity())
            // Only an empty run gets here: one line bigger than a run has a run of its own.
            data = ByteBuffer.allocate(length);
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        data.put(used, line, offset, length);
        starts[count] = used;
        lengths[count] = length;
        if (count == 0) {
            lineCommon = Math.min(length, first.length);
            keyCommon = lineCommon;
            System.arraycopy(line, offset, first, 0, lineCommon);
        } else {
            lineCommon = common(lineCommon, line, offset, length);
        }
        if (grouped)
            group(line, offset, length, key);
        used += length;
        count++;
    }

    private void group(byte[] line, int offset, int length, int subject) {
        int withSpace = subject + 1;
        if (subject <= 0 || withSpace > length || line[offset + subject] != ' ') {
            grouped = false;
            return;
        }
        if (groups > 0 && withSpace == keyLength && Arrays.equals(key, 0, keyLength, line, offset, offset + withSpace))
            return;
        for (int i = offset; i < offset + subject; i++) {
            if (line[i] == ' ') {
                grouped = false;
                return;
            }
        }
        if (key.length < withSpace)
            key = new byte[Math.max(withSpace, key.length * 2)];
        System.arraycopy(line, offset, key, 0, withSpace);
        keyLength = withSpace;
        if (groups == groupFirst.length) {
            groupFirst = Arrays.copyOf(groupFirst, groups * 2);
            groupStarts = Arrays.copyOf(groupStarts, groups * 2);
            groupKeys = Arrays.copyOf(groupKeys, groups * 2);
        }
        groupFirst[groups] = count;
        groupStarts[groups] = used;
        groupKeys[groups] = withSpace;
        groups++;
        keyCommon = common(keyCommon, line, offset, withSpace);
    }

    /** How much of {@code common} bytes of the first line the given bytes share. */
    private int common(int common, byte[] line, int offset, int length) {
        int n = Math.min(common, length);
        int i = Arrays.mismatch(first, 0, n, line, offset, offset + n);
        return i < 0 ? n : i;
    }

    void clear() {
        if (data.capacity() != capacity)
            data = ByteBuffer.allocateDirect(capacity);
        used = 0;
        count = 0;
        groups = 0;
        keyLength = 0;
        grouped = true;
    }

    /** Sorts the lines: by group when every line came with a key, else line by line. */
    void sort() {
        if (order.length < count)
            order = new int[Math.max(count, order.length * 2)];
        int items = Math.max(count, groups);
        if (keys.length < items)
            keys = new long[Math.max(items, keys.length * 2)];
        if (!grouped) {
            for (int i = 0; i < count; i++)
                order[i] = i;
            radixSort(order, 0, count, lineCommon, starts, lengths);
            return;
        }
        if (groupOrder.length < groups)
            groupOrder = new int[Math.max(groups, groupOrder.length * 2)];
        for (int g = 0; g < groups; g++)
            groupOrder[g] = g;
        radixSort(groupOrder, 0, groups, keyCommon, groupStarts, groupKeys);
        // Groups with equal keys (one subject in two graphs) become one; each sorts its lines past the key.
        int k = 0;
        for (int a = 0; a < groups; ) {
            int b = a + 1;
            while (b < groups && sameKey(groupOrder[a], groupOrder[b]))
                b++;
            int from = k;
            for (int i = a; i < b; i++) {
                int g = groupOrder[i];
                int end = g + 1 < groups ? groupFirst[g + 1] : count;
                for (int line = groupFirst[g]; line < end; line++)
                    order[k++] = line;
            }
            radixSort(order, from, k, groupKeys[groupOrder[a]], starts, lengths);
            a = b;
        }
    }

    private boolean sameKey(int g, int h) {
        return groupKeys[g] == groupKeys[h]
                && LineOrder.compare(data, groupStarts[g], groupKeys[g], groupStarts[h], groupKeys[h]) == 0;
    }

    /**
     * Sorts items {@code index[from, to)} (byte ranges {@code starts[i]}, {@code lengths[i]} of the
     * buffer) that agree on their first {@code depth} bytes: a most-significant-digit radix sort
     * seven bytes at a time. Each pass puts the next seven bytes of every item of a group (plus how
     * many of them there are) in one long and sorts those longs, so items with a long common start
     * cost a pass over it, not a comparison of it per pair. Groups left equal go on to the next seven
     * bytes; small ones are sorted by comparison.
     */
    private void radixSort(int[] index, int from0, int to0, int depth0, int[] starts, int[] lengths) {
        // An explicit stack of (from, to, depth): equal starts can be long, recursion could be deep.
        int[] stack = new int[96];
        int top = 0;
        stack[top++] = from0;
        stack[top++] = to0;
        stack[top++] = depth0;
        while (top > 0) {
            int depth = stack[--top];
            int to = stack[--top];
            int from = stack[--top];
            while (to - from > 1) {
                if (to - from <= SMALL) {
                    insertionSort(index, from, to, depth, starts, lengths);
                    break;
                }
                for (int i = from; i < to; i++)
                    keys[i] = key(starts[index[i]] + depth, lengths[index[i]] - depth);
                quickSort(index, from, to);
                if (keys[from] == keys[to - 1]) {
                    // One group: all end here (equal items) or all go on.
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

    /**
     * The seven bytes at {@code start} in {@link LineOrder} ranks (fewer when {@code remaining} is
     * less), then how many there are (7: the item goes on), sign bit flipped so that signed order
     * is unsigned order.
     */
    private long key(int start, int remaining) {
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

    /** Sorts {@code keys[from, to)} with {@code index} alongside: a three-way quicksort. */
    private void quickSort(int[] index, int from, int to) {
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
                    swap(index, lt++, i++);
                else if (k > pivot)
                    swap(index, i, gt--);
                else
                    i++;
            }
            // The smaller side by recursion, the larger by the loop: the stack stays shallow.
            if (lt - from < to - gt - 1) {
                quickSort(index, from, lt);
                from = gt + 1;
            } else {
                quickSort(index, gt + 1, to);
                to = lt;
            }
        }
        for (int i = from + 1; i < to; i++) {
            long k = keys[i];
            int o = index[i];
            int j = i - 1;
            for (; j >= from && keys[j] > k; j--) {
                keys[j + 1] = keys[j];
                index[j + 1] = index[j];
            }
            keys[j + 1] = k;
            index[j + 1] = o;
        }
    }

    private static long median(long a, long b, long c) {
        return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
    }

    private void swap(int[] index, int i, int j) {
        long k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        int o = index[i];
        index[i] = index[j];
        index[j] = o;
    }

    /** Sorts a small group of items that agree on their first {@code depth} bytes. */
    private void insertionSort(int[] index, int from, int to, int depth, int[] starts, int[] lengths) {
        for (int i = from + 1; i < to; i++) {
            int x = index[i];
            int j = i - 1;
            for (; j >= from && LineOrder.compare(data, starts[index[j]] + depth, lengths[index[j]] - depth,
                    starts[x] + depth, lengths[x] - depth) > 0; j--)
                index[j + 1] = index[j];
            index[j + 1] = x;
        }
    }

    /**
     * Writes the sorted lines, each once, as {@link RunFile} records, and returns every
     * {@link RunFile#SAMPLE_EVERY}th record, written whole, with where it starts in the file. Call
     * after {@link #sort()}. Straight from the run's buffer to the file through a staging buffer off
     * the heap: no copy onto the heap and back.
     */
    List<RunFile.Sample> writeTo(WritableByteChannel out) throws IOException {
        ByteBuffer staging = staging();
        List<RunFile.Sample> samples = new ArrayList<>();
        long drained = 0;
        long records = 0;
        int previous = -1;
        for (int k = 0; k < count; k++) {
            int i = order[k];
            int shared = previous < 0 ? 0 : LineOrder.common(data, starts[i], lengths[i], starts[previous], lengths[previous]);
            if (previous >= 0 && shared == lengths[i] && shared == lengths[previous])
                continue;
            int suffix = lengths[i] - shared;
            if (staging.remaining() < lengths[i] + 10) {
                drained += drain(staging, out);
                if (staging.remaining() < lengths[i] + 10)
                    staging = ByteBuffer.allocateDirect(lengths[i] + 10);
            }
            if (records++ % RunFile.SAMPLE_EVERY == 0) {
                // A whole line, where a reader may start.
                samples.add(new RunFile.Sample(drained + staging.position(), line(i)));
                shared = 0;
                suffix = lengths[i];
            }
            putVarint(staging, shared);
            putVarint(staging, suffix);
            staging.put(staging.position(), data, starts[i] + shared, suffix);
            staging.position(staging.position() + suffix);
            previous = i;
        }
        drain(staging, out);
        return samples;
    }

    /** Seven bits a byte, low bits first, as RunFile reads it. */
    private static void putVarint(ByteBuffer out, int n) {
        for (; n >= 0x80; n >>>= 7)
            out.put((byte) (n & 0x7F | 0x80));
        out.put((byte) n);
    }

    private ByteBuffer staging;

    private ByteBuffer staging() {
        if (staging == null)
            staging = ByteBuffer.allocateDirect(1 << 16);
        staging.clear();
        return staging;
    }

    private static int drain(ByteBuffer staging, WritableByteChannel out) throws IOException {
        staging.flip();
        int n = staging.remaining();
        while (staging.hasRemaining())
            out.write(staging);
        staging.clear();
        return n;
    }

    /** Line {@code i} copied onto the heap. */
    private byte[] line(int i) {
        byte[] line = new byte[lengths[i]];
        data.get(starts[i], line, 0, lengths[i]);
        return line;
    }

    /** Every {@code step}th line in order, copied onto the heap. Call after {@link #sort()}. */
    List<byte[]> sample(int step) {
        List<byte[]> lines = new ArrayList<>();
        for (int k = 0; k < count; k += step)
            lines.add(line(order[k]));
        return lines;
    }

    /** The place in order of the first line not below {@code pivot}. Call after {@link #sort()}. */
    int firstNotBelow(byte[] pivot) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            byte[] line = line(order[mid]);
            if (LineOrder.compare(line, 0, line.length, pivot, 0, pivot.length) < 0)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }

    /** The sorted lines, in memory. Call after {@link #sort()}. */
    SortedLines lines() {
        return lines(0);
    }

    /**
     * The sorted lines from place {@code from} in order, in memory; cursors over one run may be
     * used by different threads. Call after {@link #sort()}.
     */
    SortedLines lines(int from) {
        return new SortedLines() {
            private int k = from - 1;
            private byte[] line = new byte[256];

            @Override
            public boolean next() {
                if (++k >= count)
                    return false;
                int i = order[k];
                if (line.length < lengths[i])
                    line = new byte[Math.max(lengths[i], line.length * 2)];
                data.get(starts[i], line, 0, lengths[i]);
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
