package org.reelgraph.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
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
    /** Lines per sorted run (~150 bytes each); at most two runs are in memory at once. */
    private static final int RUN_SIZE = 50_000;

    private final Store store;

    public DumpWriter(Store store) {
        this.store = store;
    }

    /** Writes the dump; returns the number of statements (triples or quads) written. */
    public long write(DumpFormat format, OutputStream out) {
        return store.read(() -> {
            try (ExternalSort sort = new ExternalSort(RUN_SIZE)) {
                StatementLines lines = new StatementLines(store.dataset());
                if (format.quads())
                    lines.quads(sort::add);
                else
                    lines.unionFacts(sort::add);
                Iterator<String> sorted = sort.sorted();
                return switch (format) {
                    case NT, NQ -> writeLines(sorted, out);
                    case TTL, TRIG -> reparse(sorted, format, new BoundedTurtleWriter(out), true);
                    case JSONLD -> reparse(sorted, format, new JsonLdStreamWriter(out), false);
                };
            }
        });
    }

    private static long writeLines(Iterator<String> sorted, OutputStream out) {
        long n = 0;
        try {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            while (sorted.hasNext()) {
                buffered.write(sorted.next().getBytes(StandardCharsets.UTF_8));
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
    private static long reparse(Iterator<String> sorted, DumpFormat format, StreamRDF writer, boolean prefixes) {
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
