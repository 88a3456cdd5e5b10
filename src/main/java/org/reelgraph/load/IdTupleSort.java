package org.reelgraph.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sorts tuples of {@code width} NodeIds (longs, compared unsigned as TDB2's index records are) in
 * bounded memory: runs of {@code runTuples} are sorted in place and written raw to temporary files,
 * then merged; equal tuples come out once. Fixed-width longs compare in a few instructions where the
 * byte lines of a general sort compare byte by byte: this is what an index build spends its time on.
 * One thread adds, then reads with {@link #next()} and {@link #get(int)}. Close it to delete the files.
 */
final class IdTupleSort implements AutoCloseable {
    private static final int IO_BUFFER = 1 << 20;
    /** Below this many tuples a range is sorted by insertion. */
    private static final int SMALL = 12;

    private final int width;
    private final Path dir;
    private final long[] run;
    private int filled;
    private final List<Path> spilled = new ArrayList<>();
    private Merge merge;

    IdTupleSort(int width, int runTuples, Path dir) {
        if (width < 1 || runTuples < 2)
            throw new IllegalArgumentException("width " + width + ", run of " + runTuples);
        this.width = width;
        this.dir = dir;
        this.run = new long[Math.multiplyExact(width, runTuples)];
    }

    /** Adds the tuple at {@code tuple[0..width)}. */
    void add(long[] tuple) {
        if (merge != null)
            throw new IllegalStateException("the sort is being read");
        if (filled == run.length)
            spill();
        System.arraycopy(tuple, 0, run, filled, width);
        filled += width;
    }

    /** Moves to the next distinct tuple in order, the first on the first call; false at the end. */
    boolean next() {
        if (merge == null) {
            if (filled > 0)
                spill();
            merge = new Merge(spilled, width);
        }
        return merge.next();
    }

    /** Column {@code i} of the current tuple. */
    long get(int i) {
        return merge.current[i];
    }

    private void spill() {
        int tuples = filled / width;
        sort(0, tuples - 1);
        try {
            Path file = Files.createTempFile(dir, "run-", ".ids");
            spilled.add(file);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(IO_BUFFER);
                for (int t = 0; t < tuples; t++) {
                    if (t > 0 && compare(t - 1, t) == 0)
                        continue;
                    if (buffer.remaining() < width * Long.BYTES)
                        drain(buffer, out);
                    for (int i = 0; i < width; i++)
                        buffer.putLong(run[t * width + i]);
                }
                drain(buffer, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sorted run to " + dir, e);
        }
        filled = 0;
    }

    private static void drain(ByteBuffer buffer, FileChannel out) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining())
            out.write(buffer);
        buffer.clear();
    }

    /** Quicksort of the tuples {@code lo..hi} (inclusive), median of three, insertion sort below {@link #SMALL}. */
    private void sort(int lo, int hi) {
        while (hi - lo >= SMALL) {
            int mid = (lo + hi) >>> 1;
            if (compare(mid, lo) < 0) swap(mid, lo);
            if (compare(hi, lo) < 0) swap(hi, lo);
            if (compare(hi, mid) < 0) swap(hi, mid);
            // The median goes to hi - 1 and is the pivot; lo and hi already sit on their sides.
            swap(mid, hi - 1);
            int pivot = hi - 1;
            int i = lo;
            int j = hi - 1;
            while (true) {
                while (compare(++i, pivot) < 0) { }
                while (compare(--j, pivot) > 0) { }
                if (i >= j)
                    break;
                swap(i, j);
            }
            swap(i, hi - 1);
            // The smaller side by recursion, the larger by the loop: the stack stays logarithmic.
            if (i - lo < hi - i) {
                sort(lo, i - 1);
                lo = i + 1;
            } else {
                sort(i + 1, hi);
                hi = i - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++)
            for (int j = i; j > lo && compare(j - 1, j) > 0; j--)
                swap(j - 1, j);
    }

    private int compare(int a, int b) {
        int x = a * width;
        int y = b * width;
        return Arrays.compareUnsigned(run, x, x + width, run, y, y + width);
    }

    private void swap(int a, int b) {
        int x = a * width;
        int y = b * width;
        for (int i = 0; i < width; i++) {
            long t = run[x + i];
            run[x + i] = run[y + i];
            run[y + i] = t;
        }
    }

    @Override
    public void close() {
        if (merge != null)
            merge.close();
        try {
            for (Path file : spilled)
                Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete a sorted run in " + dir, e);
        }
    }

    /** The runs merged through a binary heap of their current tuples. */
    private static final class Merge {
        private final int width;
        private final Reader[] heap;
        private int size;
        final long[] current;
        private boolean started;

        Merge(List<Path> files, int width) {
            this.width = width;
            this.current = new long[width];
            this.heap = new Reader[files.size()];
            for (Path file : files) {
                Reader r = new Reader(file, width);
                if (r.advance())
                    heap[size++] = r;
                else
                    r.close();
            }
            for (int i = size / 2 - 1; i >= 0; i--)
                down(i);
        }

        boolean next() {
            while (size > 0) {
                Reader top = heap[0];
                boolean same = started && Arrays.equals(top.tuple, current);
                if (!same)
                    System.arraycopy(top.tuple, 0, current, 0, width);
                if (top.advance()) {
                    down(0);
                } else {
                    top.close();
                    heap[0] = heap[--size];
                    heap[size] = null;
                    if (size > 0)
                        down(0);
                }
                if (!same) {
                    started = true;
                    return true;
                }
            }
            return false;
        }

        private void down(int i) {
            Reader moving = heap[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size)
                    break;
                if (child + 1 < size && less(heap[child + 1], heap[child]))
                    child++;
                if (!less(heap[child], moving))
                    break;
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = moving;
        }

        private static boolean less(Reader a, Reader b) {
            return Arrays.compareUnsigned(a.tuple, b.tuple) < 0;
        }

        void close() {
            for (int i = 0; i < size; i++)
                heap[i].close();
            size = 0;
        }
    }

    /** One spilled run, read a buffer at a time. */
    private static final class Reader {
        private final FileChannel in;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(IO_BUFFER / 4);
        final long[] tuple;

        Reader(Path file, int width) {
            try {
                this.in = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sorted run " + file, e);
            }
            this.tuple = new long[width];
            buffer.flip();
        }

        boolean advance() {
            try {
                if (buffer.remaining() < tuple.length * Long.BYTES) {
                    buffer.compact();
                    while (buffer.position() < tuple.length * Long.BYTES)
                        if (in.read(buffer) < 0)
                            break;
                    buffer.flip();
                    if (buffer.remaining() < tuple.length * Long.BYTES)
                        return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sorted run", e);
            }
            for (int i = 0; i < tuple.length; i++)
                tuple[i] = buffer.getLong();
            return true;
        }

        void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // Read to the end or abandoned: the file is deleted with the sort.
            }
        }
    }
}
