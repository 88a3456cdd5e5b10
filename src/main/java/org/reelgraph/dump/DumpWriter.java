package org.reelgraph.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.tdb2.sys.TDBInternal;
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
        if (store.remote().isPresent() && storeIndexes)
            return writeFromLocalCopy(format, out);
        return store.read(() -> {
            Optional<Tdb2Source> tdb2 = storeIndexes ? Tdb2Source.of(store.storage()) : Optional.empty();
            return tdb2.isPresent() ? write(format, tdb2.get(), out) : write(format, new DatasetSource(store), out);
        });
    }

    private static <I> long write(DumpFormat format, DumpSource<I> source, OutputStream out) {
        try (ExternalSort sort = new ExternalSort(runBytes())) {
            // The statements are read on this thread; full runs are sorted and spilled on another.
            produce(format, source, sort.writer());
            return write(format, sort, out);
        }
    }

    /**
     * A remote store would answer every blank-node look-up of the labelling with a request of its own, while
     * the graph's SELECT waits: its statements are first copied, one streamed SELECT per graph, into a
     * temporary TDB2 store on disk with TDB2's bulk loader, then dumped from there as an embedded store is,
     * and the copy is deleted. Disk, not memory: about what the store takes in TDB2 (5.4 GiB at 10M triples).
     */
    private long writeFromLocalCopy(DumpFormat format, OutputStream out) {
        try {
            Path dir = Files.createTempDirectory("reelgraph-dump-");
            Store copy = Store.tdb2(dir);
            try {
                copy.bulkLoad(null, "phased", store::stream);
                return copy.read(() -> write(format, Tdb2Source.of(copy.storage()).orElseThrow(), out));
            } finally {
                // Closing a TDB2 Store leaves the database open for the JVM's life; this copy is thrown away.
                TDBInternal.expel(copy.storage());
                DumpFiles.deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of every statement, into the sort. */
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
     * Bytes per sorted run: one run fills while another is sorted and written, each an eighth of the
     * heap size (off the heap, in direct memory, which Java bounds by the heap size too),
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
