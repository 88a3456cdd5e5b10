package org.reelgraph.dump;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sorts byte lines of any number in bounded memory, in {@link LineOrder}: runs of about
 * {@code runBytes} are sorted and spilled to temporary files, then merged. Equal lines come out
 * once. Lines come through {@link Writer}s, one per producing thread; each fills a run while full
 * ones are sorted and written on a thread of their own, so at most writers + 1 runs are in memory.
 * Close it to delete the temporary files.
 */
public final class ExternalSort implements AutoCloseable {
    private static final int READ_BUFFER = 1 << 16;

    private final BlockingQueue<LineRun> free;
    private final List<Writer> writers = new ArrayList<>();
    private final int maxWriters;
    private final ExecutorService spiller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reelgraph-sort");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> spills = new ArrayList<>();
    /** A run spilled to a file, with a sparse index of it. */
    private record Spilled(Path file, List<RunFile.Sample> samples) {}

    /** Written by the spiller thread only; read once every spill is done. */
    private final List<Spilled> spilled = new ArrayList<>();
    private final List<RunFile> readers = new ArrayList<>();
    private volatile boolean closed;
    private Path dir;

    /** A sort fed from one thread. */
    public ExternalSort(int runBytes) {
        this(runBytes, 1);
    }

    /** A sort fed by up to {@code writers} threads, each through its own {@link #writer()}. */
    public ExternalSort(int runBytes, int writers) {
        this.maxWriters = writers;
        this.free = new ArrayBlockingQueue<>(writers + 1);
        for (int i = 0; i <= writers; i++)
            free.add(new LineRun(runBytes));
    }

    /** The lines one thread adds. */
    public final class Writer implements AutoCloseable {
        private LineRun filling;
        private boolean done;

        public void add(byte[] line, int offset, int length) {
            add(line, offset, length, 0);
        }

        /** Adds a line whose first {@code key} bytes are its subject, which a space follows (see {@link LineRun}). */
        void add(byte[] line, int offset, int length, int key) {
            if (closed)
                throw new IllegalStateException("the sort is closed");
            if (filling == null)
                filling = freeRun();
            else if (!filling.fits(length)) {
                LineRun full = filling;
                spill(full);
                filling = freeRun();
            }
            filling.add(line, offset, length, key);
        }

        /** Sorts this writer's last run, on its own thread; no more lines after this. */
        @Override
        public void close() {
            if (!done && filling != null)
                filling.sort();
            done = true;
        }
    }

    public synchronized Writer writer() {
        if (writers.size() == maxWriters)
            throw new IllegalStateException("a sort for " + maxWriters + " writers");
        Writer writer = new Writer();
        writers.add(writer);
        return writer;
    }

    /** Adds a line through the one writer of a sort fed from one thread. */
    public void add(byte[] line, int offset, int length) {
        (writers.isEmpty() ? writer() : writers.get(0)).add(line, offset, length);
    }

    private void spill(LineRun full) {
        synchronized (spills) {
            spills.add(spiller.submit(() -> {
                spill(full, spilled.size());
                free.add(full);
            }));
        }
    }

    /** A run to fill, once a spill has made one free; a failed spill stops the waiting. */
    private LineRun freeRun() {
        try {
            while (true) {
                LineRun run = free.poll(100, TimeUnit.MILLISECONDS);
                if (run != null)
                    return run;
                if (closed)
                    throw new IllegalStateException("the sort is closed");
                synchronized (spills) {
                    for (Future<?> spill : spills)
                        if (spill.isDone())
                            await(spill);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sorting", e);
        }
    }

    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sorting", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The distinct lines in order. Call once, after every writer is done. */
    public SortedLines sorted() {
        List<SortedLines> sources = new ArrayList<>();
        for (LineRun run : finishedRuns())
            sources.add(run.lines());
        for (Spilled run : spilled)
            sources.add(open(run.file(), 0));
        unlinkRunFiles();
        return distinct(sources);
    }

    /**
     * Writes the distinct lines in order, each followed by a newline; returns how many. Two threads
     * share the merge: one writes the lines below a pivot (the median of the runs' samples) to
     * {@code out}, the other those from the pivot on to a temporary file, appended after.
     */
    long writeLines(OutputStream out) throws IOException {
        List<LineRun> memory = finishedRuns();
        byte[] pivot = pivot(memory);
        if (pivot == null)
            return writeLines(sorted(), out);
        List<SortedLines> below = new ArrayList<>();
        List<SortedLines> from = new ArrayList<>();
        for (LineRun run : memory) {
            below.add(SplitLines.below(run.lines(), pivot));
            from.add(run.lines(run.firstNotBelow(pivot)));
        }
        for (Spilled run : spilled) {
            below.add(SplitLines.below(open(run.file(), 0), pivot));
            from.add(SplitLines.from(open(run.file(), startBefore(run.samples(), pivot)), pivot));
        }
        unlinkRunFiles();
        Path upper = directory().resolve("from-pivot");
        FileRelay relay = new FileRelay(upper);
        Future<Long> second = spiller.submit(() -> {
            try (OutputStream file = relay.output()) {
                return writeLines(distinct(from), file);
            }
        });
        long n = writeLines(distinct(below), out);
        relay.copyTo(out, second);
        n += await(second);
        Files.delete(upper);
        out.flush();
        return n;
    }

    private static long writeLines(SortedLines lines, OutputStream out) throws IOException {
        long n = 0;
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        while (lines.next()) {
            buffered.write(lines.bytes(), lines.offset(), lines.length());
            buffered.write('\n');
            n++;
        }
        buffered.flush();
        return n;
    }

    /** The median of the runs' samples, or null when there are too few lines to share the merge. */
    private byte[] pivot(List<LineRun> memory) {
        List<byte[]> samples = new ArrayList<>();
        for (Spilled run : spilled)
            run.samples().forEach(sample -> samples.add(sample.line()));
        for (LineRun run : memory)
            samples.addAll(run.sample(RunFile.SAMPLE_EVERY));
        if (samples.size() < 8)
            return null;
        samples.sort((a, b) -> LineOrder.compare(a, 0, a.length, b, 0, b.length));
        return samples.get(samples.size() / 2);
    }

    /** Where in a run file to start reading so as not to miss a line from the pivot on: the last sample below it. */
    private static long startBefore(List<RunFile.Sample> samples, byte[] pivot) {
        long start = 0;
        for (RunFile.Sample sample : samples) {
            if (LineOrder.compare(sample.line(), 0, sample.line().length, pivot, 0, pivot.length) >= 0)
                break;
            start = sample.offset();
        }
        return start;
    }

    /**
     * Once every run file is open for the merge, their names can go: the data stays until the last
     * reader closes, and each reader closes when done, so the files' pages are freed as the merge
     * goes rather than all at the end. Where open files cannot be deleted, {@link #close} does it.
     */
    private void unlinkRunFiles() {
        for (Spilled run : spilled) {
            try {
                Files.deleteIfExists(run.file());
            } catch (IOException ignored) {
                // Deleted again on close.
            }
        }
    }

    /** Every spill done; the writers' last runs, sorted. */
    private List<LineRun> finishedRuns() {
        List<Future<?>> all;
        synchronized (spills) {
            all = new ArrayList<>(spills);
        }
        for (Future<?> spill : all)
            await(spill);
        List<LineRun> runs = new ArrayList<>();
        for (Writer writer : writers) {
            if (writer.filling != null && !writer.filling.isEmpty()) {
                writer.close();
                runs.add(writer.filling);
            }
        }
        return runs;
    }

    private RunFile open(Path file, long offset) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            RunFile reader = new RunFile(in, READ_BUFFER);
            readers.add(reader);
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sort run " + file, e);
        }
    }

    private static SortedLines distinct(List<SortedLines> sources) {
        return new DistinctLines(sources.size() == 1 ? sources.get(0) : new MergedLines(sources));
    }

    private Path directory() throws IOException {
        if (dir == null)
            dir = Files.createTempDirectory("reelgraph-sort");
        return dir;
    }

    private void spill(LineRun full, int number) {
        full.sort();
        Path file = null;
        try {
            file = directory().resolve("run-" + number);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                spilled.add(new Spilled(file, full.writeTo(out)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill a sorted run to " + file, e);
        }
        full.clear();
    }

    /** Skips a line equal to the one before. */
    private static final class DistinctLines extends FilteredLines {
        private byte[] previous = new byte[256];
        private int previousLength = -1;

        DistinctLines(SortedLines lines) {
            super(lines);
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
    }

    /**
     * A k-way merge through a tree of losers: each inner node keeps the source that lost the match
     * played there, the overall winner is the current line, and replacing it replays only its path
     * to the root (one comparison per level).
     */
    private static final class MergedLines implements SortedLines {
        private final SortedLines[] sources;
        /** tree[0]: the winner; tree[1..k): the loser at each inner node. */
        private final int[] tree;
        private final boolean[] done;
        /** Each source's current line, asked for once per line rather than per comparison. */
        private final byte[][] bytes;
        private final int[] offsets;
        private final int[] lengths;
        private boolean started;

        MergedLines(List<SortedLines> sources) {
            this.sources = sources.toArray(new SortedLines[0]);
            int k = this.sources.length;
            this.tree = new int[Math.max(1, k)];
            this.done = new boolean[k];
            this.bytes = new byte[k][];
            this.offsets = new int[k];
            this.lengths = new int[k];
            for (int i = 0; i < k; i++)
                advance(i);
            tree[0] = k == 0 ? -1 : build(1);
        }

        private void advance(int source) {
            SortedLines s = sources[source];
            done[source] = !s.next();
            if (!done[source]) {
                bytes[source] = s.bytes();
                offsets[source] = s.offset();
                lengths[source] = s.length();
            }
        }

        /** Plays the matches below inner node {@code node} (leaves are k..2k-1); returns the winner. */
        private int build(int node) {
            int k = sources.length;
            if (node >= k)
                return node - k;
            int a = build(2 * node);
            int b = build(2 * node + 1);
            if (beats(b, a)) {
                tree[node] = a;
                return b;
            }
            tree[node] = b;
            return a;
        }

        @Override
        public boolean next() {
            // Asked again after the end (a reader's read past EOF), it stays at the end.
            if (tree[0] < 0 || started && done[tree[0]])
                return false;
            if (started) {
                int winner = tree[0];
                advance(winner);
                for (int node = (winner + sources.length) / 2; node > 0; node /= 2) {
                    if (beats(tree[node], winner)) {
                        int loser = winner;
                        winner = tree[node];
                        tree[node] = loser;
                    }
                }
                tree[0] = winner;
            }
            started = true;
            return !done[tree[0]];
        }

        /** Whether source a's line comes strictly before source b's (an exhausted source never does). */
        private boolean beats(int a, int b) {
            if (done[a])
                return false;
            if (done[b])
                return true;
            return LineOrder.compare(bytes[a], offsets[a], lengths[a], bytes[b], offsets[b], lengths[b]) < 0;
        }

        @Override
        public byte[] bytes() {
            return bytes[tree[0]];
        }

        @Override
        public int offset() {
            return offsets[tree[0]];
        }

        @Override
        public int length() {
            return lengths[tree[0]];
        }
    }

    @Override
    public void close() {
        closed = true;
        spiller.shutdownNow();
        try {
            // Deleting a file the spiller is still writing would leave it behind.
            spiller.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RunFile reader : readers) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Deleting the file below is what matters.
            }
        }
        try {
            for (Spilled run : spilled)
                Files.deleteIfExists(run.file());
            if (dir != null)
                Files.deleteIfExists(dir.resolve("from-pivot"));
            if (dir != null)
                Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary sort files in " + dir, e);
        }
    }
}
