package org.reelgraph.dump;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sorts lines of any number in bounded memory: sorted runs of {@code runSize} lines are spilled to
 * temporary files and merged. Equal lines come out once. Close it to delete the temporary files.
 */
final class ExternalSort implements AutoCloseable {
    private final int runSize;
    private List<String> run = new ArrayList<>();
    private final List<Path> spilled = new ArrayList<>();
    /** Sorting and writing a full run overlaps with filling the next one (two cores). */
    private final ExecutorService spiller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reelgraph-sort");
        t.setDaemon(true);
        return t;
    });
    private Future<?> spilling;
    private final List<BufferedReader> readers = new ArrayList<>();
    private Path dir;

    ExternalSort(int runSize) {
        this.runSize = runSize;
    }

    void add(String line) {
        run.add(line);
        if (run.size() >= runSize) {
            awaitSpill();
            List<String> full = run;
            run = new ArrayList<>(runSize);
            spilling = spiller.submit(() -> spill(full));
        }
    }

    private void awaitSpill() {
        if (spilling == null)
            return;
        try {
            spilling.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sorting", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        spilling = null;
    }

    /** The distinct lines in order. Call once, after the last {@link #add}. */
    Iterator<String> sorted() {
        awaitSpill();
        Collections.sort(run);
        Iterator<String> merged = spilled.isEmpty() ? run.iterator() : merge();
        return new Iterator<>() {
            private String next = advance(null);

            private String advance(String previous) {
                while (merged.hasNext()) {
                    String line = merged.next();
                    if (!line.equals(previous))
                        return line;
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null)
                    throw new NoSuchElementException();
                String line = next;
                next = advance(line);
                return line;
            }
        };
    }

    private void spill(List<String> full) {
        Collections.sort(full);
        try {
            if (dir == null)
                dir = Files.createTempDirectory("reelgraph-sort");
            Path file = dir.resolve("run-" + spilled.size());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                String previous = null;
                for (String line : full) {
                    if (!line.equals(previous)) {
                        out.write(line);
                        out.write('\n');
                    }
                    previous = line;
                }
            }
            spilled.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill a sorted run to " + dir, e);
        }
    }

    private record Head(String line, Iterator<String> source) {}

    private Iterator<String> merge() {
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> a.line().compareTo(b.line()));
        List<Iterator<String>> sources = new ArrayList<>();
        sources.add(run.iterator());
        for (Path file : spilled) {
            try {
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                readers.add(reader);
                sources.add(reader.lines().iterator());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Iterator<String> source : sources)
            if (source.hasNext())
                heads.add(new Head(source.next(), source));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public String next() {
                Head head = heads.poll();
                if (head == null)
                    throw new NoSuchElementException();
                if (head.source().hasNext())
                    heads.add(new Head(head.source().next(), head.source()));
                return head.line();
            }
        };
    }

    @Override
    public void close() {
        spiller.shutdownNow();
        for (BufferedReader reader : readers) {
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
