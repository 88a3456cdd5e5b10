package org.reelgraph.dump;

import java.io.OutputStream;
import java.util.TreeMap;

import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Prefixes;

/**
 * Writes the whole store as a stream from one read transaction: constant memory, and a
 * consistent snapshot even while writes go on.
 */
public final class DumpWriter {
    private final Store store;

    public DumpWriter(Store store) {
        this.store = store;
    }

    /** Writes the dump; returns the number of triples (or quads) written. */
    public long write(DumpFormat format, OutputStream out) {
        return store.read(() -> {
            DatasetGraph dsg = store.dataset();
            StreamRDFCounting sink = StreamRDFLib.count(StreamRDFWriter.getWriterStream(out, format.rdfFormat()));
            sink.start();
            // Sorted, so the same data always gives the same bytes.
            new TreeMap<>(Prefixes.STANDARD.getNsPrefixMap()).forEach(sink::prefix);
            if (format.quads())
                StreamRDFOps.sendQuadsToStream(dsg, sink);
            else
                // TDB2's union graph yields each distinct triple once.
                StreamRDFOps.sendTriplesToStream(dsg.getUnionGraph(), sink);
            sink.finish();
            return sink.count();
        });
    }
}
