package org.reelgraph.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.TreeMap;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Prefixes;

/**
 * Writes the whole store from one read transaction in bounded memory. Output is deterministic: the
 * statements are sorted (an external sort spills to temporary files) and blank nodes get stable
 * labels, so the same data gives byte-identical N-Triples and N-Quads.
 */
public final class DumpWriter {
    private final Store store;
    private final boolean storeIndexes;

    public DumpWriter(Store store) {
        this(store, true);
    }

    /** {@code storeIndexes} false reads through Jena's public API even from TDB2 (for tests). */
    DumpWriter(Store store, boolean storeIndexes) {
        this.store = store;
        this.storeIndexes = storeIndexes;
    }

    /** Writes the dump; returns the number of statements (triples or quads) written. */
    public long write(DumpFormat format, OutputStream out) {
        return store.read(() -> {
            if (storeIndexes && Tdb2Source.of(store.storage(), Tdb2Source.Part.ALL).isPresent())
                return writeFromTdb2(format, out);
            ExternalSort sort = new ExternalSort(runBytes());
            try (sort) {
                produce(format, new DatasetSource(store.dataset()), sort.writer());
                return write(format, sort, out);
            }
        });
    }

    /**
     * TDB2 is read by two threads when there are two cores, each in a read transaction of its own
     * and handing out every other chunk of quads; the second one only joins if its transaction sees
     * the same data version as the caller's (no write committed in between), so the dump is still
     * one snapshot.
     */
    private long writeFromTdb2(DumpFormat format, OutputStream out) {
        int readers = Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
        ExternalSort sort = new ExternalSort(runBytes(), readers);
        ExecutorService second = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reelgraph-dump");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Boolean> joined = new CompletableFuture<>();
            Future<?> other = null;
            if (readers == 2) {
                String version = store.version().tag();
                other = second.submit(() -> {
                    try {
                        store.read(() -> {
                            boolean same = store.version().tag().equals(version);
                            joined.complete(same);
                            if (same)
                                produce(format, tdb2(new Tdb2Source.Part(1, 2)), sort.writer());
                            return null;
                        });
                    } finally {
                        joined.complete(false);
                    }
                });
            } else {
                joined.complete(false);
            }
            produce(format, tdb2(joined.get() ? new Tdb2Source.Part(0, 2) : Tdb2Source.Part.ALL), sort.writer());
            if (other != null)
                other.get();
            return write(format, sort, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dumping", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // Closing the sort first stops a second reader still adding lines.
            sort.close();
            second.shutdownNow();
        }
    }

    private Tdb2Source tdb2(Tdb2Source.Part part) {
        return Tdb2Source.of(store.storage(), part).orElseThrow();
    }

    /** One thread's share of the lines, into the sort. */
    private static <I> void produce(DumpFormat format, DumpSource<I> source, ExternalSort.Writer writer) {
        try (writer) {
            StatementLines<I> lines = new StatementLines<>(source);
            StatementLines.LineSink sink = (bytes, length, subject) -> writer.add(bytes, 0, length, subject);
            if (format.quads())
                lines.quads(sink);
            else
                lines.unionFacts(sink);
        }
    }

    private static long write(DumpFormat format, ExternalSort sort, OutputStream out) {
        return switch (format) {
            case NT, NQ -> writeLines(sort, out);
            case TTL, TRIG -> reparse(sort.sorted(), format, new BoundedTurtleWriter(out), true);
            case JSONLD -> reparse(sort.sorted(), format, new JsonLdStreamWriter(out), false);
        };
    }

    /**
     * Bytes per sorted run: one run fills per reader and one more is sorted and written, each an
     * eighth of the heap size (off the heap, in direct memory, which Java bounds by the heap size too),
     * within bounds. Bigger runs mean fewer to merge.
     */
    private static int runBytes() {
        long share = Runtime.getRuntime().maxMemory() / 8;
        return (int) Math.max(1 << 20, Math.min(64L << 20, share));
    }

    private static long writeLines(ExternalSort sort, OutputStream out) {
        try {
            return sort.writeLines(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds the sorted lines through RIOT's N-Triples/N-Quads parser into a streaming writer. */
    private static long reparse(SortedLines sorted, DumpFormat format, StreamRDF writer, boolean prefixes) {
        StreamRDFCounting counter = StreamRDFLib.count(writer);
        StreamRDF sink = new StreamRDFWrapper(counter) {
            @Override
            public void start() {
                super.start();
                if (prefixes)
                    // Sorted, so the same data always gives the same bytes.
                    new TreeMap<>(Prefixes.STANDARD.getNsPrefixMap()).forEach(this::prefix);
            }
        };
        RDFParser.source(new LinesInputStream(sorted))
                .lang(format.quads() ? Lang.NQUADS : Lang.NTRIPLES)
                .labelToNode(LabelToNode.createUseLabelAsGiven())
                .parse(sink);
        return counter.count();
    }
}
