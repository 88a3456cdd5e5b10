package org.reelgraph.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeParams;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.tdb2.sys.SystemTDB;

/**
 * Builds the whole TDB2 storage of an empty database in one pass, the way Jena's xloader does but in
 * this JVM and without external {@code sort} processes: statements come in (from the parsing thread)
 * and go to a second thread, which gives each node its NodeId in the node table and appends the id
 * tuples to a file; then each triple and quad index is sorted ({@link IdTupleSort}: runs of longs
 * sorted in place, spilled and merged) and written bottom-up, packed, by {@link BPlusTreeRewriter}, two indexes at a
 * time. All of it happens in the next storage generation's temporary directory ({@code Data-000N-tmp},
 * TDB2's own compaction naming, which TDB2 never opens); {@link #install} moves it to {@code Data-000N}
 * and switches the open database to it, so a crash before that leaves the store as empty as it was.
 */
final class Tdb2Builder implements AutoCloseable {
    private static final int BATCH = 2048;
    /** Bytes per sort run, on the heap; two sorts at a time. */
    private static final int RUN_BYTES = 32 << 20;
    /** Nodes whose ids are kept on the node table thread: about 200 bytes each, a fifth of the heap. */
    private static final int CACHED_NODES = (int) Math.min(5_000_000, Runtime.getRuntime().maxMemory() / 5 / 200);

    private final DatasetGraphSwitchable container;
    private final DatasetGraphTDB current;
    private final Path tmpDir;
    private final Path finalDir;
    private final DatasetGraphTDB building;
    private final Path triplesFile;
    private final Path quadsFile;
    private final BatchHandOff<Quad> handOff = new BatchHandOff<>(BATCH, 64, "the node table thread");
    private final ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "reelgraph-tdb2-build");
        t.setDaemon(true);
        return t;
    });
    private final Future<long[]> ingest;
    private boolean dataDone;
    private boolean installed;
    /** Set when the load failed: the node table's transaction aborts rather than commits. */
    private volatile boolean abandoned;

    /** A builder for the empty TDB2 database behind {@code storage} (its {@link DatasetGraphSwitchable}). */
    static Tdb2Builder forEmpty(DatasetGraph storage) {
        if (!(storage instanceof DatasetGraphSwitchable container) || !(container.get() instanceof DatasetGraphTDB current)
                || current.getLocation().isMem())
            throw new IllegalArgumentException("not an on-disk TDB2 database: " + storage);
        return new Tdb2Builder(container, current);
    }

    /** Whether {@code storage} is a database this builder can fill. */
    static boolean supports(DatasetGraph storage) {
        return storage instanceof DatasetGraphSwitchable container && container.get() instanceof DatasetGraphTDB current
                && !current.getLocation().isMem();
    }

    private Tdb2Builder(DatasetGraphSwitchable container, DatasetGraphTDB current) {
        this.container = container;
        this.current = current;
        Path currentDir = Path.of(current.getLocation().getDirectoryPath());
        this.finalDir = currentDir.resolveSibling(nextGeneration(currentDir.getFileName().toString()));
        this.tmpDir = finalDir.resolveSibling(finalDir.getFileName() + "-tmp");
        try {
            if (Files.exists(finalDir))
                throw new IllegalStateException("the next storage generation " + finalDir + " already exists");
            // Left by a build that crashed: never opened by TDB2, safe to throw away.
            deleteTree(tmpDir);
            Files.createDirectories(tmpDir);
            // Inside the temporary generation, so that whatever a crash leaves goes with it next time.
            triplesFile = Files.createTempFile(tmpDir, "triples-", ".ids");
            quadsFile = Files.createTempFile(tmpDir, "quads-", ".ids");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + tmpDir, e);
        }
        StoreParams params = current.getStoreParams();
        this.building = StoreConnection.connectCreate(Location.create(tmpDir), params, null).getDatasetGraphTDB();
        this.ingest = worker.submit(this::ingest);
        handOff.consumedBy(ingest);
    }

    /** "Data-0001" → "Data-0002". */
    static String nextGeneration(String name) {
        int dash = name.lastIndexOf('-');
        int n = Integer.parseInt(name.substring(dash + 1));
        return String.format("%s-%04d", name.substring(0, dash), n + 1);
    }

    /** Adds a statement (one thread only); a null or default graph makes it a triple of the default graph. */
    void add(Quad quad) {
        handOff.add(quad);
    }

    /**
     * On the second thread, in one write transaction of the new database: NodeIds for every node,
     * the id tuples appended to the triples or quads file in primary order (SPO, GSPO).
     */
    private long[] ingest() throws Exception {
        long[] counts = new long[2];
        try (OutputStream triples = new BufferedOutputStream(Files.newOutputStream(triplesFile), 1 << 20);
             OutputStream quads = new BufferedOutputStream(Files.newOutputStream(quadsFile), 1 << 20)) {
            Txn.executeWrite(building, () -> {
                // Below TDB2's node cache (Caffeine: its upkeep was 40% of this thread, JFR on 1M triples):
                // inline values as NodeTableInline makes them, the rest through a plain map in front of the table.
                NodeTable nodes = building.getTripleTable().getNodeTupleTable().getNodeTable().baseNodeTable();
                Map<Node, NodeId> cache = new HashMap<>(1 << 16);
                byte[] row = new byte[4 * SystemTDB.SizeOfNodeId];
                try {
                    for (List<Quad> next = handOff.take(); next != null; next = handOff.take()) {
                        for (Quad q : next) {
                            Node g = q.getGraph();
                            if (g == null || Quad.isDefaultGraph(g)) {
                                id(nodes, cache, q.getSubject(), row, 0);
                                id(nodes, cache, q.getPredicate(), row, 1);
                                id(nodes, cache, q.getObject(), row, 2);
                                triples.write(row, 0, 3 * SystemTDB.SizeOfNodeId);
                                counts[0]++;
                            } else {
                                id(nodes, cache, g, row, 0);
                                id(nodes, cache, q.getSubject(), row, 1);
                                id(nodes, cache, q.getPredicate(), row, 2);
                                id(nodes, cache, q.getObject(), row, 3);
                                quads.write(row, 0, 4 * SystemTDB.SizeOfNodeId);
                                counts[1]++;
                            }
                        }
                    }
                    if (abandoned)
                        throw new IllegalStateException("the load was abandoned");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the id tuples", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while loading", e);
                }
            });
        }
        return counts;
    }

    private static void id(NodeTable nodes, Map<Node, NodeId> cache, Node node, byte[] row, int column) {
        NodeId id = NodeIdInline.inline(node);
        if (id == null) {
            id = cache.get(node);
            if (id == null) {
                id = nodes.getAllocateNodeId(node);
                // Bounded: emptied when full (the frequent nodes come back at once).
                if (cache.size() >= CACHED_NODES)
                    cache.clear();
                cache.put(node, id);
            }
        }
        NodeIdFactory.set(id, row, column * SystemTDB.SizeOfNodeId);
    }

    /** What was added: triples of the default graph and quads of named graphs, duplicates included. */
    record Counts(long triples, long quads) {}

    /** Ends the statements and builds every index; the new database can then be read through {@link #dataset()}. */
    Counts build() {
        handOff.finish();
        dataDone = true;
        long[] counts = BatchHandOff.await(ingest, "the node table thread");
        List<Future<?>> builds = new ArrayList<>();
        List<TupleIndex> indexes = new ArrayList<>();
        indexes.addAll(List.of(building.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes()));
        indexes.addAll(List.of(building.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()));
        for (TupleIndex index : indexes) {
            Path from = index.getTupleLength() == 3 ? triplesFile : quadsFile;
            long rows = index.getTupleLength() == 3 ? counts[0] : counts[1];
            if (rows > 0)
                builds.add(worker.submit(() -> buildIndex(index, from)));
        }
        for (Future<?> b : builds)
            BatchHandOff.await(b, "an index build");
        try {
            Files.deleteIfExists(triplesFile);
            Files.deleteIfExists(quadsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the id tuples", e);
        }
        return new Counts(counts[0], counts[1]);
    }

    /** Sorts the tuples of {@code file} into the order of {@code index} and packs them into its B+tree. */
    private Void buildIndex(TupleIndex index, Path file) throws IOException {
        String primary = index.getTupleLength() == 3 ? "SPO" : "GSPO";
        int n = index.getTupleLength();
        int[] column = new int[n];
        for (int i = 0; i < n; i++)
            column[i] = primary.indexOf(index.getName().charAt(i));
        int width = n * SystemTDB.SizeOfNodeId;
        try (IdTupleSort sort = new IdTupleSort(n, RUN_BYTES / width, tmpDir);
             FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((1 << 20) - (1 << 20) % width);
            long[] row = new long[n];
            while (in.read(buffer) >= 0 || buffer.position() > 0) {
                buffer.flip();
                while (buffer.remaining() >= width) {
                    int at = buffer.position();
                    for (int i = 0; i < n; i++)
                        row[i] = buffer.getLong(at + column[i] * SystemTDB.SizeOfNodeId);
                    buffer.position(at + width);
                    sort.add(row);
                }
                boolean partial = buffer.hasRemaining();
                buffer.compact();
                if (partial && in.position() == in.size())
                    throw new IllegalStateException(file + ": ends inside a tuple");
            }
            BPlusTree bpt = (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
            RecordFactory records = bpt.getRecordFactory();
            BPlusTreeParams params = new BPlusTreeParams(BPlusTreeParams.calcOrder(SystemTDB.BlockSize, records), records);
            Iterator<Record> sorted = new Records(sort, n, records);
            // A transaction on this index alone, as xloader's ProcBuildIndexX does.
            CoLib.executeWrite(index, () -> BPlusTreeRewriter.packIntoBPlusTree(sorted, params, records,
                    bpt.getStateManager().getBufferChannel(), bpt.getNodeManager().getBlockMgr(), bpt.getRecordsMgr().getBlockMgr()));
        }
        return null;
    }

    /** Sorted tuples back to index records (big-endian NodeIds, as TDB2 stores them). */
    private static final class Records implements Iterator<Record> {
        private final IdTupleSort sorted;
        private final int n;
        private final RecordFactory factory;
        private boolean ready;
        private boolean more;

        Records(IdTupleSort sorted, int n, RecordFactory factory) {
            this.sorted = sorted;
            this.n = n;
            this.factory = factory;
        }

        @Override
        public boolean hasNext() {
            if (!ready) {
                more = sorted.next();
                ready = true;
            }
            return more;
        }

        @Override
        public Record next() {
            if (!hasNext())
                throw new NoSuchElementException();
            ready = false;
            byte[] key = new byte[n * SystemTDB.SizeOfNodeId];
            ByteBuffer into = ByteBuffer.wrap(key);
            for (int i = 0; i < n; i++)
                into.putLong(sorted.get(i));
            return factory.create(key);
        }
    }

    /** The database being built, for checks and provenance before it is installed. */
    DatasetGraphTDB dataset() {
        return building;
    }

    /**
     * Moves the built generation into place and switches the open database to it (as TDB2's
     * compaction does); the old, empty generation is deleted.
     */
    void install() {
        StoreParams params = current.getStoreParams();
        Location tmp = building.getLocation();
        StoreConnection.release(tmp);
        try {
            Files.move(tmpDir, finalDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmpDir + " to " + finalDir, e);
        }
        installed = true;
        DatasetGraphTDB next = StoreConnection.connectCreate(Location.create(finalDir), params, null).getDatasetGraphTDB();
        TransactionCoordinator oldTxns = current.getTxnSystem().getTxnMgr();
        TransactionCoordinator newTxns = next.getTxnSystem().getTxnMgr();
        newTxns.execExclusive(() -> {
            newTxns.takeOverFrom(oldTxns);
            newTxns.modifyConfigDirect(() -> oldTxns.listExternals().forEach(newTxns::addExternal));
            if (!container.change(current, next))
                container.set(next);
        });
        oldTxns.startExclusiveMode();
        Location old = current.getLocation();
        StoreConnection.release(old);
        deleteTree(Path.of(old.getDirectoryPath()));
    }

    /** Stops the second thread; unless installed, deletes everything built. */
    @Override
    public void close() {
        abandoned = !installed;
        if (!dataDone && !ingest.isDone()) {
            handOff.abandon();
        }
        // Let the node table's transaction abort and any index finish: an open transaction keeps the files.
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(triplesFile);
            Files.deleteIfExists(quadsFile);
        } catch (IOException ignored) {
            // Temporary files; the directory below matters more.
        }
        if (!installed) {
            StoreConnection.release(building.getLocation());
            deleteTree(tmpDir);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir))
            return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList())
                Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
