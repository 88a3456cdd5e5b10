package org.reelgraph.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * The store's dataset as everyone writes to it (loader, Fuseki's SPARQL Update and Graph Store
 * Protocol): it notes whether a write transaction touched any watched predicate and, if so, runs the
 * registered hooks inside that same transaction just before it commits. Derived data (the published
 * chronology) so never disagrees with what it is derived from. Wholesale changes (clearing or
 * removing a graph, deleting with a wildcard predicate) count as touching everything. Queries are
 * unaffected: ARQ unwraps the wrapper and keeps TDB2's own query engine.
 */
final class WatchedDataset extends DatasetGraphWrapper {
    private record Hook(Set<Node> watched, Consumer<DatasetGraph> action) {}

    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();
    /** Written only by the one write transaction TDB2 allows at a time. */
    private volatile Set<Node> touched = Set.of();
    private volatile boolean wholesale;

    WatchedDataset(DatasetGraph base) {
        super(base);
    }

    void beforeCommit(String name, Set<Node> watched, Consumer<DatasetGraph> action) {
        hooks.put(name, new Hook(Set.copyOf(watched), action));
    }

    @Override
    public void begin(ReadWrite mode) {
        super.begin(mode);
        reset();
    }

    @Override
    public void begin() {
        super.begin();
        reset();
    }

    @Override
    public void begin(org.apache.jena.query.TxnType type) {
        super.begin(type);
        reset();
    }

    private void reset() {
        if (transactionMode() == ReadWrite.WRITE) {
            touched = new java.util.HashSet<>();
            wholesale = false;
        }
    }

    @Override
    public boolean promote(Promote mode) {
        boolean promoted = super.promote(mode);
        if (promoted) {
            touched = new java.util.HashSet<>();
            wholesale = false;
        }
        return promoted;
    }

    @Override
    public void commit() {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE)
            for (Hook hook : hooks.values())
                if (wholesale || hook.watched().stream().anyMatch(touched::contains))
                    hook.action().accept(this);
        super.commit();
    }

    private void note(Node predicate) {
        if (predicate == null || !predicate.isConcrete())
            wholesale = true;
        else if (transactionMode() == ReadWrite.WRITE)
            touched.add(predicate);
    }

    @Override
    public void add(Quad quad) {
        note(quad.getPredicate());
        super.add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        note(p);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        note(quad.getPredicate());
        super.delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        note(p);
        super.delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        note(p);
        super.deleteAny(g, s, p, o);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        wholesale = true;
        super.addGraph(graphName, graph);
    }

    @Override
    public void removeGraph(Node graphName) {
        wholesale = true;
        super.removeGraph(graphName);
    }

    @Override
    public void clear() {
        wholesale = true;
        super.clear();
    }

    @Override
    public Graph getDefaultGraph() {
        return new WatchedGraph(super.getDefaultGraph());
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return new WatchedGraph(super.getGraph(graphNode));
    }

    @Override
    public Graph getUnionGraph() {
        return new WatchedGraph(super.getUnionGraph());
    }

    /** Graph views hand out writes too (the Graph Store Protocol uses them). */
    private final class WatchedGraph extends GraphWrapper {
        WatchedGraph(Graph graph) {
            super(graph);
        }

        @Override
        public void add(Triple t) {
            note(t.getPredicate());
            super.add(t);
        }

        @Override
        public void delete(Triple t) {
            note(t.getPredicate());
            super.delete(t);
        }

        @Override
        public void remove(Node s, Node p, Node o) {
            note(p);
            super.remove(s, p, o);
        }

        @Override
        public void clear() {
            wholesale = true;
            super.clear();
        }
    }
}
