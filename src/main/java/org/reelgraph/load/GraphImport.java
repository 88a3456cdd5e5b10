package org.reelgraph.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.reelgraph.importer.KnownResources;
import org.reelgraph.store.Store;

/**
 * Writes an imported dataset into its own graph, replacing the graph's old content atomically:
 * into an empty on-disk TDB2 store with {@link Tdb2Builder} (the new storage replaces the empty one only when
 * complete), into another empty store with its bulk loader (undone by emptying the store again if it fails),
 * otherwise in one write transaction that deletes the old graph, streams the new triples and
 * records provenance, so readers see the old graph or the new one, never half. The import itself
 * is a function from a {@link StreamRDF} to a triple count: this class knows no dataset format.
 */
public final class GraphImport {
    /** How the import went. */
    public record Result(long triples, boolean bulk, Duration elapsed) {}

    private final Store store;
    private final Clock clock;

    public GraphImport(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Runs {@code resolve} against what the rest of the store knows (everything but {@code graph}), in a read transaction. */
    public <T> T withKnownResources(Node graph, Function<KnownResources, T> resolve) {
        if (store.isEmpty())
            return resolve.apply(KnownResources.none());
        return store.read(() -> resolve.apply(new StoreResources(store.dataset(), graph)));
    }

    /** Replaces {@code graph} with what {@code emit} writes; {@code files} are recorded in the meta graph. */
    public Result replace(Node graph, String dataset, List<Path> files, ToLongFunction<StreamRDF> emit) {
        long start = System.nanoTime();
        List<Provenance.ImportedFile> described = describe(files);
        boolean bulk = store.supportsBulkLoad() && store.isEmpty();
        long triples;
        if (bulk && Tdb2Builder.supports(store.storage())) {
            triples = build(graph, dataset, described, emit);
        } else if (bulk) {
            long[] count = new long[1];
            try {
                store.bulkLoad(graph, stream -> count[0] = emit.applyAsLong(stream));
            } catch (RuntimeException | Error e) {
                // The store was empty: make it so again.
                store.write(() -> store.dataset().clear());
                throw e;
            }
            triples = count[0];
            store.write(() -> Provenance.recordImport(store.dataset(), graph, dataset, described, clock.instant(), triples, Provenance.VERSION));
        } else {
            DatasetGraph dsg = store.dataset();
            dsg.begin(TxnType.WRITE);
            try {
                dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
                triples = emit.applyAsLong(new StreamRDFBase() {
                    @Override
                    public void triple(Triple t) {
                        dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
                    }
                });
                Provenance.recordImport(dsg, graph, dataset, described, clock.instant(), triples, Provenance.VERSION);
                dsg.commit();
            } catch (RuntimeException | Error e) {
                dsg.abort();
                throw e;
            } finally {
                dsg.end();
            }
        }
        return new Result(triples, bulk, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Into an empty on-disk TDB2 store, as {@code load} does ({@link Tdb2Builder}): the node table on a second
     * thread, every index sorted and packed, provenance written into the new storage, which then replaces the
     * empty one; on any failure the store stays as it was.
     */
    private long build(Node graph, String dataset, List<Provenance.ImportedFile> described, ToLongFunction<StreamRDF> emit) {
        try (Tdb2Builder builder = Tdb2Builder.forEmpty(store.storage())) {
            long triples = emit.applyAsLong(new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
                    builder.add(Quad.create(graph, t));
                }
            });
            builder.build();
            Txn.executeWrite(builder.dataset(), () ->
                    Provenance.recordImport(builder.dataset(), graph, dataset, described, clock.instant(), triples, Provenance.VERSION));
            builder.install();
            return triples;
        }
    }

    private static List<Provenance.ImportedFile> describe(List<Path> files) {
        List<Provenance.ImportedFile> described = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                described.add(new Provenance.ImportedFile(file.getFileName().toString(), Files.size(file), DigestUtils.sha256Hex(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
        return described;
    }
}
