package org.reelgraph.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.riot.system.StreamRDF;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The triple store behind reelgraph: embedded TDB2 on disk, TDB2 in memory, or a remote SPARQL 1.1
 * store. Every access goes through a read or write transaction; SPARQL over {@link #dataset()} sees
 * the union of the named graphs as its default graph. Over a remote store, {@link #dataset()} reads
 * by SELECT and a write transaction commits as one SPARQL Update request.
 */
public interface Store extends AutoCloseable {

    /** The transactional dataset; queries on it use the union of named graphs as default graph. */
    DatasetGraph dataset();

    /**
     * The same data for whole-store reads (dumps), without the write hooks {@link #dataset()} adds:
     * for TDB2, its own dataset, so a reader can use its indexes directly.
     */
    default DatasetGraph storage() {
        return dataset();
    }

    /**
     * A hint inside a transaction: the statements of these subjects are read next. A remote store fetches
     * them in a few requests instead of one per subject; a local one has nothing to gain and ignores it.
     */
    default void readAhead(Collection<Node> subjects) {
    }

    /** Where the data lives, for logs ("TDB2 run/tdb2", "in-memory TDB2"). */
    String description();

    default <T> T read(Supplier<T> action) {
        return Txn.calculateRead(dataset(), action);
    }

    default void write(Runnable action) {
        Txn.executeWrite(dataset(), action);
    }

    /** Number of distinct triples in the union of all named graphs (TDB2 de-duplicates in memory: small stores only). */
    default long unionSize() {
        return read(() -> {
            long n = 0;
            var it = dataset().getUnionGraph().find();
            try {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            } finally {
                it.close();
            }
            return n;
        });
    }

    /**
     * Runs {@code hook} inside every write transaction that added or removed statements with one of
     * the {@code watched} predicates, just before it commits, with those statements: derived data is
     * updated in the same transaction. A hook registered again under the same {@code name} replaces
     * the earlier one.
     */
    void beforeCommit(String name, Set<Node> watched, CommitHook hook);

    /** The current version of the data, for ETag and Last-Modified. */
    DataVersion version();

    /**
     * Number of statements in all graphs, counted in constant memory (a statement in two graphs
     * counts twice; {@link #unionSize()} de-duplicates but holds what it has seen).
     */
    default long quadCount() {
        return read(() -> {
            long n = 0;
            var it = dataset().find();
            try {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
            return n;
        });
    }

    /** True when no named graph holds anything (a new store). */
    default boolean isEmpty() {
        return read(() -> !dataset().listGraphNodes().hasNext());
    }

    /** Whether {@link #bulkLoad} is available (TDB2 on disk or in memory). */
    default boolean supportsBulkLoad() {
        return false;
    }

    /**
     * Streams triples into {@code graph} with TDB2's bulk loader, which holds the store exclusively
     * (readers wait) and cannot roll back: for an empty store only, whose caller empties it again on
     * failure. Commit hooks then run once with "everything changed", so derived data is rebuilt.
     */
    default void bulkLoad(Node graph, java.util.function.Consumer<StreamRDF> producer) {
        throw new UnsupportedOperationException(description() + " has no bulk loader");
    }

    /**
     * Runs a SPARQL query where the data is: on the embedded dataset, or on the remote store's query
     * endpoint. The caller closes the execution (inside a read transaction for embedded stores).
     */
    default QueryExecution query(Query query) {
        return QueryExecution.dataset(DatasetFactory.wrap(dataset())).query(query).build();
    }

    /** Applies a SPARQL Update as one write (commit hooks run); remote: one request. */
    default void update(UpdateRequest request) {
        write(() -> UpdateExec.dataset(dataset()).update(request).execute());
    }

    /**
     * Every statement of the store into {@code sink}, the default graph's first, then graph by graph,
     * in bounded memory (inside a read transaction of an embedded store: one snapshot).
     */
    default void stream(StreamRDF sink) {
        read(() -> {
            var defaults = dataset().find(org.apache.jena.sparql.core.Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY);
            try {
                defaults.forEachRemaining(sink::quad);
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(defaults);
            }
            for (var graphs = dataset().listGraphNodes(); graphs.hasNext(); ) {
                Node g = graphs.next();
                var quads = dataset().find(g, Node.ANY, Node.ANY, Node.ANY);
                try {
                    quads.forEachRemaining(sink::quad);
                } finally {
                    org.apache.jena.atlas.iterator.Iter.close(quads);
                }
            }
            return null;
        });
    }

    /** Replaces (or creates) the named graph {@code graph} with {@code content}, in one write. */
    default void putGraph(Node graph, Graph content) {
        write(() -> {
            dataset().removeGraph(graph);
            content.find().forEachRemaining(t -> dataset().add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    /** Deletes the named graph {@code graph}, in one write. */
    default void deleteGraph(Node graph) {
        write(() -> dataset().removeGraph(graph));
    }

    /**
     * A write reached the store by a path beside this interface (SPARQL Update or Graph Store
     * Protocol forwarded to a remote store): the commit hooks rebuild derived data and the version moves on.
     */
    default void changedOutside() {}

    /**
     * A SPARQL Update that goes to the store beside this interface (forwarded as text), with what moves
     * the data version on appended, so the one request changes data and version together (remote stores).
     */
    default String withNewVersion(String update) {
        return update;
    }

    /** The remote store's endpoints, when the data lives elsewhere (the SPARQL protocol is then forwarded). */
    default Optional<RemoteEndpoints> remote() {
        return Optional.empty();
    }

    /** The HTTP client that reaches a remote store (its authentication included); null for embedded stores. */
    default java.net.http.HttpClient httpClient() {
        return null;
    }

    /**
     * Like {@link #bulkLoad(Node, java.util.function.Consumer)} with a named TDB2 loader
     * ({@code "phased"}, {@code "parallel"}, {@code "light"}, {@code "sequential"}); a null graph keeps each quad's graph.
     */
    default void bulkLoad(Node graph, String loader, java.util.function.Consumer<StreamRDF> producer) {
        bulkLoad(graph, producer);
    }

    @Override
    void close();

    static Store tdb2(Path directory) {
        return Tdb2Store.open(directory);
    }

    static Store inMemory() {
        return Tdb2Store.inMemory();
    }

    /** A remote SPARQL 1.1 store; connecting gives up after {@code connectTimeout}; requests wait as long as the store takes. */
    static Store remote(RemoteEndpoints endpoints, java.time.Duration connectTimeout) {
        return RemoteStore.connect(endpoints, new RemoteTimeouts(connectTimeout, null, null));
    }

    /** A remote SPARQL 1.1 store whose requests give up after {@code timeouts}. */
    static Store remote(RemoteEndpoints endpoints, RemoteTimeouts timeouts) {
        return RemoteStore.connect(endpoints, timeouts);
    }
}
