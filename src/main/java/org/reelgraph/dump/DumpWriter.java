package org.reelgraph.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
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
            Optional<Tdb2Source> tdb2 = storeIndexes ? Tdb2Source.of(store.storage()) : Optional.empty();
            return tdb2.isPresent() ? write(format, tdb2.get(), out) : write(format, new DatasetSource(store.dataset()), out);
        });
    }

    private static <I> long write(DumpFormat format, DumpSource<I> source, OutputStream out) {
        try (ExternalSort sort = new ExternalSort(runBytes())) {
            StatementLines<I> lines = new StatementLines<>(source);
            if (format.quads())
                lines.quads((bytes, length) -> sort.add(bytes, 0, length));
            else
                lines.unionFacts((bytes, length) -> sort.add(bytes, 0, length));
            SortedLines sorted = sort.sorted();
            return switch (format) {
                case NT, NQ -> writeLines(sorted, out);
                case TTL, TRIG -> reparse(sorted, format, new BoundedTurtleWriter(out), true);
                case JSONLD -> reparse(sorted, format, new JsonLdStreamWriter(out), false);
            };
        }
    }

    /** Bytes per sorted run: two are in memory at once; an eighth of the heap each, within bounds. */
    private static int runBytes() {
        long eighth = Runtime.getRuntime().maxMemory() / 8;
        return (int) Math.max(1 << 20, Math.min(64L << 20, eighth));
    }

    private static long writeLines(SortedLines sorted, OutputStream out) {
        long n = 0;
        try {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            while (sorted.next()) {
                buffered.write(sorted.bytes(), sorted.offset(), sorted.length());
                buffered.write('\n');
                n++;
            }
            buffered.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
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
