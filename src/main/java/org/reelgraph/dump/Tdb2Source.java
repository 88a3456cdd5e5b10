package org.reelgraph.dump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.base.record.RecordMapper;
import org.apache.jena.dboe.base.file.FileSet;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.thrift.TRDF;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.riot.thrift.wire.RDF_Term;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * A TDB2 store read at the level of its indexes and node file, for whole-store dumps. The only class
 * that relies on TDB2 internals, and why: through the public API every statement's terms go NodeId →
 * Node through TDB2's node cache and, on a miss, a Thrift decode that reads the node file a few
 * bytes per system call (each seek + read under a lock), and every blank-node look-up hashes a Node
 * back into a NodeId and descends a B+tree (~6 µs). Profiling a dump under -Xmx256m showed most of
 * its time there. Here the dump reads the quads as stored ids straight from the B+tree pages of
 * GSPO; answers the look-ups blank-node labels need from windows onto GSPO and GOSP read in step
 * ({@link QuadWindow}), probing indexes with NodeIds only for the rest; and reads terms from a
 * read-only memory map of the node file: the common shapes directly ({@link CompactTerm}), the others
 * with the Thrift decoding TDB2 uses.
 *
 * <p>Sound under concurrent writes: everything is read inside the caller's read transaction. The
 * indexes are TDB2's own transactional B+trees; the node file is append-only and is read only below
 * the length that transaction sees (TDB2 syncs it before a commit is visible), so bytes read never
 * change. Anything unexpected (an in-memory store, a term the map cannot decode) goes through the
 * node table's public look-up instead. {@code DumpWriterTest} checks the dumps against the first
 * implementation and {@link DatasetSource} (the public API), and terms read directly against Jena's.
 *
 * <p>Ids are NodeIds as the 64 bits TDB2 stores, not {@link NodeId} objects: {@code NodeId.equals}
 * leaves out the type of an inline value, so the integer 1 and the boolean true compare equal.
 */
final class Tdb2Source implements DumpSource<Long> {
    private final NodeTupleTable quads;
    private final NodeTupleTable triples;
    private final NodeTable nodeTable;
    private final NodeFile file;
    /** Quads read ahead of the one being handed out: most subjects' statements are answered from it. */
    private static final int WINDOW = 1 << 16;

    private final DirectMappedCache<Long, Node> nodes = new DirectMappedCache<>(1 << 15);
    /** For converting inline NodeIds to and from their stored 64 bits with TDB2's own code. */
    private final ByteBuffer bits = ByteBuffer.allocate(NodeId.SIZE);
    /** While {@link #forEachQuad} runs: the quads it hands out, by subject, and the same by object. */
    private QuadWindow subjects;
    private QuadWindow objects;

    private Tdb2Source(DatasetGraphTDB tdb) {
        this.quads = tdb.getQuadTable().getNodeTupleTable();
        this.triples = tdb.getTripleTable().getNodeTupleTable();
        this.nodeTable = quads.getNodeTable();
        this.file = NodeFile.open(tdb, nodeTable).orElse(null);
    }

    /** The TDB2 storage behind {@code dsg}, if it is a TDB2 dataset. Call inside a read transaction. */
    static Optional<Tdb2Source> of(DatasetGraph dsg) {
        return Optional.ofNullable(TDBInternal.getDatasetGraphTDB(dsg)).map(Tdb2Source::new);
    }

    @Override
    public void forEachQuad(QuadSink<Long> sink) {
        Iterator<Tuple<NodeId>> dft = triples.findAll();
        while (dft.hasNext()) {
            Tuple<NodeId> t = dft.next();
            sink.quad(null, bits(t.get(0)), bits(t.get(1)), bits(t.get(2)));
        }
        // GSPO (TDB2's primary index by default) gives each subject's quads together; GOSP each object's.
        subjects = index("GSPO").map(gspo -> new QuadWindow(WINDOW, true, records(gspo)))
                .orElseGet(() -> new QuadWindow(WINDOW, false, natural(quads.findAll())));
        objects = index("GOSP").map(gosp -> new QuadWindow(WINDOW, true, records(gosp))).orElse(null);
        try {
            while (subjects.advance())
                sink.quad(subjects.graph(), subjects.key(), subjects.third(), subjects.fourth());
        } finally {
            subjects = null;
            objects = null;
        }
    }

    private Optional<TupleIndex> index(String name) {
        return Arrays.stream(quads.getTupleTable().getIndexes()).filter(i -> i != null && i.getName().equals(name)).findFirst();
    }

    /**
     * An index's records as stored (ids in the index's column order), read straight from its B+tree
     * pages when it is TDB2's record index, without a NodeId object per id.
     */
    private QuadWindow.Source records(TupleIndex index) {
        if (index.baseTupleIndex() instanceof TupleIndexRecord record) {
            // One array for every record: B+tree iterators map a record only when asked for the next
            // one, and each is copied out before that.
            long[] stored = new long[4];
            RecordMapper<long[]> mapper = (page, entry, key, factory) -> {
                int at = entry * factory.recordLength();
                if (key != null)
                    // The iterator checks range ends against the key it is given.
                    page.get(at, key, 0, factory.keyLength());
                for (int i = 0; i < 4; i++)
                    stored[i] = page.getLong(at + 8 * i);
                return stored;
            };
            Iterator<long[]> all = record.getRangeIndex().iterator(null, null, mapper);
            return quad -> {
                if (!all.hasNext())
                    return false;
                System.arraycopy(all.next(), 0, quad, 0, 4);
                return true;
            };
        }
        // Any other kind of index: its tuples, put back in the index's column order.
        TupleMap map = index.getMapping();
        Iterator<Tuple<NodeId>> all = index.all();
        return quad -> {
            if (!all.hasNext())
                return false;
            Tuple<NodeId> stored = map.map(all.next());
            for (int i = 0; i < 4; i++)
                quad[i] = bits(stored.get(i));
            return true;
        };
    }

    /** Tuples in natural (graph, subject, predicate, object) order, whatever their order in the stream. */
    private QuadWindow.Source natural(Iterator<Tuple<NodeId>> all) {
        return quad -> {
            if (!all.hasNext())
                return false;
            Tuple<NodeId> q = all.next();
            for (int i = 0; i < 4; i++)
                quad[i] = bits(q.get(i));
            return true;
        };
    }

    @Override
    public Node node(Long id) {
        Node node = nodes.get(id);
        if (node == null && id < 0) {
            // An inline value (the high bit marks those), decoded from the id itself: small numbers
            // and dates come up again and again, and making their nodes parses their lexical forms.
            node = NodeId.extract(nodeId(id));
            nodes.put(id, node);
        } else if (node == null) {
            NodeId nodeId = NodeIdFactory.createPtr(id);
            node = file == null ? null : file.read(nodeId.getPtrLocation());
            if (node == null)
                node = nodeTable.getNodeForNodeId(nodeId);
            // Literals mostly come up once; IRIs and blank nodes again soon.
            if (!node.isLiteral())
                nodes.put(id, node);
        }
        return node;
    }

    @Override
    public byte[] plainTerm(Long id) {
        return id >= 0 && file != null ? file.plainNTriples(id) : null;
    }

    @Override
    public Long id(Node node) {
        NodeId id = nodeTable.getNodeIdForNode(node);
        return NodeId.isDoesNotExist(id) ? null : bits(id);
    }

    @Override
    public void outgoing(Long graph, Long subject, BiConsumer<Long, Long> predicateObject) {
        if (graph != null && subjects != null && subjects.lookUp(graph, subject, predicateObject))
            return;
        pairs(find(graph, subject, null, null), 2, 3, graph == null, predicateObject);
    }

    @Override
    public void incoming(Long graph, Long object, BiConsumer<Long, Long> subjectPredicate) {
        if (graph != null && objects != null && objects.seek(graph, object, subjectPredicate))
            return;
        pairs(find(graph, null, null, object), 1, 2, graph == null, subjectPredicate);
    }

    @Override
    public boolean contains(Long graph, Long subject, Long predicate) {
        int held = subjects == null || graph == null ? -1 : subjects.holds(graph, subject, predicate);
        if (held >= 0)
            return held == 1;
        Iterator<Tuple<NodeId>> matches = find(graph, subject, predicate, null);
        try {
            return matches.hasNext();
        } finally {
            Iter.close(matches);
        }
    }

    /** Named-graph quads matching a pattern; null is any, and a null graph is any named graph. */
    private Iterator<Tuple<NodeId>> find(Long g, Long s, Long p, Long o) {
        return quads.find(TupleFactory.create4(any(g), any(s), any(p), any(o)));
    }

    private NodeId any(Long id) {
        return id == null ? NodeId.NodeIdAny : nodeId(id);
    }

    private record Pair(long a, long b) {}

    /** Slots {@code a} and {@code b} of each quad; across graphs (the union) each pair once. */
    private void pairs(Iterator<Tuple<NodeId>> found, int a, int b, boolean distinct, BiConsumer<Long, Long> sink) {
        Set<Pair> seen = distinct ? new HashSet<>() : null;
        while (found.hasNext()) {
            Tuple<NodeId> q = found.next();
            long x = bits(q.get(a));
            long y = bits(q.get(b));
            if (seen == null || seen.add(new Pair(x, y)))
                sink.accept(x, y);
        }
    }

    /** The 64 bits TDB2 stores for a NodeId: a pointer's is its position in the node file. */
    private long bits(NodeId id) {
        if (id.isPtr())
            return id.getPtrLocation();
        NodeIdFactory.set(id, bits, 0);
        return bits.getLong(0);
    }

    private NodeId nodeId(long stored) {
        if (stored >= 0)
            return NodeIdFactory.createPtr(stored);
        bits.putLong(0, stored);
        return NodeIdFactory.get(bits, 0);
    }

    /**
     * The node file mapped read-only up to the length the read transaction sees, in segments (a
     * mapping holds at most 2 GiB). Each segment reaches 1 MiB into the next so that a term starting
     * in it usually lies whole in it; a longer one is left to the node table.
     */
    private static final class NodeFile {
        private static final int SEGMENT_BITS = 30;
        private static final int OVERLAP = 1 << 20;
        private static final int FIRST_TRY = 160;

        private final MappedByteBuffer[] segments;
        private final long length;
        private byte[] window = new byte[OVERLAP];
        private final CompactTerm term = new CompactTerm();
        private final TMemoryInputTransport transport;
        private TProtocol protocol;

        private NodeFile(MappedByteBuffer[] segments, long length) throws TException {
            this.segments = segments;
            this.length = length;
            this.transport = new TMemoryInputTransport(window, 0, 0);
            this.protocol = TRDF.protocol(transport);
        }

        /** The mapped node file of a store on disk whose node table is TDB2's Thrift one, if so. */
        static Optional<NodeFile> open(DatasetGraphTDB tdb, NodeTable nodeTable) {
            Location location = tdb.getLocation();
            if (location.isMem() || !(nodeTable.baseNodeTable() instanceof NodeTableTRDF trdf))
                return Optional.empty();
            // Named as TDB2StorageBuilder names it: the node table's base name + "-data", extension "obj".
            Path path = Path.of(new FileSet(location, tdb.getStoreParams().getNodeTableBaseName() + "-data").filename(Names.extObjNodeData));
            // The length this read transaction sees; later commits append beyond it.
            long length = trdf.getData().length();
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                if (!Files.isRegularFile(path) || channel.size() < length)
                    return Optional.empty();
                int count = (int) ((length + (1L << SEGMENT_BITS) - 1) >>> SEGMENT_BITS);
                MappedByteBuffer[] segments = new MappedByteBuffer[count];
                for (int k = 0; k < count; k++) {
                    long start = (long) k << SEGMENT_BITS;
                    long end = Math.min(length, start + (1L << SEGMENT_BITS) + OVERLAP);
                    segments[k] = channel.map(FileChannel.MapMode.READ_ONLY, start, end - start);
                }
                return Optional.of(new NodeFile(segments, length));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot map the TDB2 node file " + path, e);
            } catch (TException e) {
                return Optional.empty();
            }
        }

        /** The term at {@code position}, or null when it cannot be read from the map. */
        Node read(long position) {
            if (!parse(position))
                return thrift(position);
            Node node = term.node();
            return node != null ? node : thrift(position);
        }

        /** The N-Triples form of the IRI or literal at {@code position} if it needs no escaping ({@link CompactTerm}), else null. */
        byte[] plainNTriples(long position) {
            return parse(position) ? term.plainNTriples() : null;
        }

        /** Reads the start of the term at {@code position} into the window and parses it as a simple term. */
        private boolean parse(long position) {
            if (position < 0 || position >= length)
                return false;
            MappedByteBuffer segment = segments[(int) (position >>> SEGMENT_BITS)];
            int offset = (int) (position & ((1L << SEGMENT_BITS) - 1));
            int size = Math.min(segment.limit() - offset, FIRST_TRY);
            segment.get(offset, window, 0, size);
            return term.parse(window, size);
        }

        /** The term decoded by Thrift, as TDB2 decodes it, or null when it cannot be read from the map. */
        private Node thrift(long position) {
            if (position < 0 || position >= length)
                return null;
            MappedByteBuffer segment = segments[(int) (position >>> SEGMENT_BITS)];
            int offset = (int) (position & ((1L << SEGMENT_BITS) - 1));
            int available = segment.limit() - offset;
            // Most terms are short: copy a little first (copying is most of the cost), all that is mapped if that was not enough.
            Node node = decode(segment, offset, Math.min(available, FIRST_TRY));
            if (node == null && available > FIRST_TRY)
                node = decode(segment, offset, Math.min(available, OVERLAP));
            return node;
        }

        private Node decode(MappedByteBuffer segment, int offset, int size) {
            segment.get(offset, window, 0, size);
            transport.reset(window, 0, size);
            try {
                RDF_Term term = new RDF_Term();
                term.read(protocol);
                return ThriftConvert.convert(term);
            } catch (TException | RuntimeException e) {
                // Ran past the window (or anything else): a fresh protocol, and the caller falls back.
                protocol = TRDF.protocol(transport);
                return null;
            }
        }
    }
}
