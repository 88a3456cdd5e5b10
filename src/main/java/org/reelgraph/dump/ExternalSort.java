package org.reelgraph.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sorts byte lines of any number in bounded memory, in {@link LineOrder}: runs of about
 * {@code runBytes} are sorted and spilled to temporary files, then merged. Equal lines come out
 * once. Two runs are in memory at a time: one fills while the other is sorted and written on a
 * second thread (two cores). Close it to delete the temporary files.
 */
final class ExternalSort implements AutoCloseable {
    private static final int READ_BUFFER = 1 << 16;

    private LineRun filling;
    private LineRun spare;
    private final List<Path> spilled = new ArrayList<>();
    private final ExecutorService spiller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reelgraph-sort");
        t.setDaemon(true);
        return t;
    });
    private Future<LineRun> spilling;
    private final List<RunFile> readers = new ArrayList<>();
    private Path dir;

    ExternalSort(int runBytes) {
        filling = new LineRun(runBytes);
        spare = new LineRun(runBytes);
    }

    void add(byte[] line, int offset, int length) {
        if (!filling.fits(length)) {
            LineRun full = filling;
            filling = awaitSpill();
            spilling = spiller.submit(() -> spill(full));
        }
        filling.add(line, offset, length);
    }

    /** The run free to fill once the spill in progress, if any, is done. */
    private LineRun awaitSpill() {
        if (spilling == null)
            return spare;
        try {
            LineRun done = spilling.get();
            spilling = null;
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sorting", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The distinct lines in order. Call once, after the last {@link #add}. */
    SortedLines sorted() {
        spare = awaitSpill();
        filling.sort();
        if (spilled.isEmpty())
            return new DistinctLines(filling.lines());
        List<SortedLines> sources = new ArrayList<>();
        sources.add(filling.lines());
        for (Path file : spilled) {
            try {
                RunFile reader = new RunFile(Files.newInputStream(file), READ_BUFFER);
                readers.add(reader);
                sources.add(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DistinctLines(new MergedLines(sources));
    }

    private LineRun spill(LineRun full) {
        full.sort();
        try {
            if (dir == null)
                dir = Files.createTempDirectory("reelgraph-sort");
            Path file = dir.resolve("run-" + spilled.size());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                full.writeTo(out);
            }
            spilled.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill a sorted run to " + dir, e);
        }
        full.clear();
        return full;
    }

    /** Skips a line equal to the one before. */
    private static final class DistinctLines implements SortedLines {
        private final SortedLines lines;
        private byte[] previous = new byte[256];
        private int previousLength = -1;

        DistinctLines(SortedLines lines) {
            this.lines = lines;
        }

        @Override
        public boolean next() {
            while (lines.next()) {
                if (previousLength == lines.length()
                        && LineOrder.equal(previous, 0, previousLength, lines.bytes(), lines.offset(), lines.length()))
                    continue;
                if (previous.length < lines.length())
                    previous = new byte[Math.max(lines.length(), previous.length * 2)];
                System.arraycopy(lines.bytes(), lines.offset(), previous, 0, lines.length());
                previousLength = lines.length();
                return true;
            }
            return false;
        }

        @Override
        public byte[] bytes() {
            return lines.bytes();
        }

        @Override
        public int offset() {
            return lines.offset();
        }

        @Override
        public int length() {
            return lines.length();
        }
    }

    /** A k-way merge: a binary heap of the sources by their current line; the top's line is the current one. */
    private static final class MergedLines implements SortedLines {
        private final SortedLines[] heap;
        private int size;
        private boolean started;

        MergedLines(List<SortedLines> sources) {
            heap = new SortedLines[sources.size()];
            for (SortedLines source : sources)
                if (source.next())
                    heap[size++] = source;
            for (int i = size / 2 - 1; i >= 0; i--)
                down(i);
        }

        @Override
        public boolean next() {
            if (!started) {
                started = true;
            } else if (heap[0].next()) {
                down(0);
            } else {
                heap[0] = heap[--size];
                heap[size] = null;
                if (size > 0)
                    down(0);
            }
            return size > 0;
        }

        private void down(int i) {
            SortedLines x = heap[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size)
                    break;
                if (child + 1 < size && less(heap[child + 1], heap[child]))
                    child++;
                if (!less(heap[child], x))
                    break;
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = x;
        }

        private static boolean less(SortedLines a, SortedLines b) {
            return LineOrder.compare(a.bytes(), a.offset(), a.length(), b.bytes(), b.offset(), b.length()) < 0;
        }

        @Override
        public byte[] bytes() {
            return heap[0].bytes();
        }

        @Override
        public int offset() {
            return heap[0].offset();
        }

        @Override
        public int length() {
            return heap[0].length();
        }
    }

    @Override
    public void close() {
        spiller.shutdownNow();
        for (RunFile reader : readers) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Deleting the file below is what matters.
            }
        }
        try {
            for (Path file : spilled)
                Files.deleteIfExists(file);
            if (dir != null)
                Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary sort files in " + dir, e);
        }
    }
}
