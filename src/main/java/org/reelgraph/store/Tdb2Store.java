package org.reelgraph.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.graph.Node;

import org.apache.jena.dboe.transaction.txn.TransactionalBase;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Embedded TDB2, on disk (survives restarts and kill -9) or in memory for throwaway runs. */
final class Tdb2Store implements Store {
    private final DatasetGraph base;
    private final WatchedDataset dataset;
    private final String description;
    /** Distinguishes this process's versions from those of an earlier run on the same files. */
    private final String epoch = Long.toHexString(new SecureRandom().nextLong());
    /** The newest data version seen and when it was first seen. */
    private final AtomicReference<Seen> newest = new AtomicReference<>(new Seen(-1, now()));

    private record Seen(long dataVersion, Instant at) {}

    private Tdb2Store(DatasetGraph base, String description) {
        this.base = base;
        this.dataset = new WatchedDataset(base);
        this.description = description;
        // The SPARQL default graph is the union of all named graphs (DESIGN.md section 3).
        base.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    @Override
    public void beforeCommit(String name, Set<Node> watched, CommitHook hook) {
        dataset.beforeCommit(name, watched, hook);
    }

    /**
     * TDB2 counts committed writes (its data version, not persisted across restarts); inside a read
     * transaction this is the version of the snapshot being read, whoever wrote it (loader, SPARQL
     * Update, Graph Store Protocol). Last-Modified is when this process first saw that version.
     */
    @Override
    public DataVersion version() {
        if (!dataset.isInTransaction())
            return read(this::version);
        var system = (TransactionalBase) TDBInternal.getDatasetGraphTDB(base).getTxnSystem();
        long dataVersion = system.getThreadTransaction().getDataVersion();
        Seen seen = newest.updateAndGet(s -> dataVersion > s.dataVersion() ? new Seen(dataVersion, now()) : s);
        Instant at = dataVersion == seen.dataVersion() ? seen.at() : now();
        return new DataVersion(epoch + "-" + dataVersion, at);
    }

    /** HTTP dates have whole seconds. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static Tdb2Store open(Path directory) {
        return new Tdb2Store(DatabaseMgr.connectDatasetGraph(directory.toString(), cacheSizedForHeap()), "TDB2 " + directory);
    }

    /**
     * TDB2's default node caches (1,000,000 + 200,000 entries, roughly 230 bytes each) need about
     * 270 MB of heap once warm: more than a 256 MB service has. Size them to a quarter of the heap,
     * never above the defaults; the rest is for requests, sorting dumps and the web stack.
     */
    private static StoreParams cacheSizedForHeap() {
        StoreParams defaults = StoreParams.getDftStoreParams();
        long entries = Runtime.getRuntime().maxMemory() / 4 / 230;
        return StoreParams.builder(defaults)
                .nodeId2NodeCacheSize((int) Math.min(defaults.getNodeId2NodeCacheSize(), entries * 5 / 6))
                .node2NodeIdCacheSize((int) Math.min(defaults.getNode2NodeIdCacheSize(), entries / 6))
                .build();
    }

    static Tdb2Store inMemory() {
        return new Tdb2Store(DatabaseMgr.createDatasetGraph(), "in-memory TDB2");
    }

    /**
     * Counted on TDB2's primary indexes, node ids only: nothing is decoded, so 1M statements take
     * 50-450 ms instead of 0.8-20 s through {@code find()}. The same number (default graph plus named graphs).
     */
    @Override
    public long quadCount() {
        return read(() -> {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(base);
            return tdb.getTripleTable().getNodeTupleTable().size() + tdb.getQuadTable().getNodeTupleTable().size();
        });
    }

    @Override
    public boolean supportsBulkLoad() {
        return true;
    }

    @Override
    public void bulkLoad(Node graph, java.util.function.Consumer<StreamRDF> producer) {
        // The phased loader builds one index at a time: on a machine with few cores it beats the
        // parallel loader, whose five threads then compete (both are TDB2's tdb2.tdbloader engines).
        bulkLoad(graph, Runtime.getRuntime().availableProcessors() >= 4 ? "parallel" : "phased", producer);
    }

    @Override
    public void bulkLoad(Node graph, String name, java.util.function.Consumer<StreamRDF> producer) {
        DataLoader loader = switch (name) {
            case "parallel" -> LoaderFactory.parallelLoader(base, graph, QUIET);
            case "phased" -> LoaderFactory.phasedLoader(base, graph, QUIET);
            case "light" -> LoaderFactory.createLoader(org.apache.jena.tdb2.loader.main.LoaderPlans.loaderPlanLight, base, graph, QUIET);
            case "basic" -> LoaderFactory.basicLoader(base, graph, QUIET);
            case "sequential" -> LoaderFactory.sequentialLoader(base, graph, QUIET);
            default -> throw new IllegalArgumentException("no TDB2 loader called " + name);
        };
        loader.startBulk();
        try {
            StreamRDF stream = loader.stream();
            stream.start();
            producer.accept(stream);
            stream.finish();
        } catch (RuntimeException | Error e) {
            loader.finishException(e instanceof Exception ex ? ex : new RuntimeException(e));
            throw e;
        }
        loader.finishBulk();
        // The loader wrote below the watched dataset: tell the hooks everything changed.
        write(dataset::markEverythingChanged);
    }

    private static final MonitorOutput QUIET = (format, args) -> {};

    @Override
    public DatasetGraph dataset() {
        return dataset;
    }

    @Override
    public DatasetGraph storage() {
        return base;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        // Releases the files and the process lock, so the same directory can be opened again.
        TDBInternal.expel(base);
    }
}
