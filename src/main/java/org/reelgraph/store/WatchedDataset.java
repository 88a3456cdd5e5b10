package org.reelgraph.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * The store's dataset as everyone writes to it (loader, Fuseki's SPARQL Update and Graph Store
 * Protocol). In a write transaction it records the statements with watched predicates that were
 * added or removed and, just before commit, hands them to the registered hooks inside that same
 * transaction, so derived data (the published chronology) never disagrees with its sources.
 * Removing a whole graph records the watched statements it held; only clearing the whole dataset,
 * or a change too big to list, is reported as "everything". Queries are unaffected: ARQ unwraps
 * the wrapper and keeps TDB2's own query engine.
 */
final class WatchedDataset extends DatasetGraphWrapper {
    /** Past this many recorded statements a hook is told "everything changed" instead. */
    private static final int MAX_RECORDED = 100_000;

    private record Hook(Set<Node> watched, CommitHook action) {}

    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();
    /** Used only by the one write transaction TDB2 allows at a time. */
    private volatile List<Triple> changed = new ArrayList<>();
    private volatile boolean everything;

    WatchedDataset(DatasetGraph base) {
        super(base);
    }

    void beforeCommit(String name, Set<Node> watched, CommitHook action) {
        hooks.put(name, new Hook(Set.copyOf(watched), action));
    }

    @Override
    public void begin() {
        super.begin();
        reset();
    }

    @Override
    public void begin(TxnType type) {
        super.begin(type);
        reset();
    }

    @Override
    public void begin(ReadWrite mode) {
        super.begin(mode);
        reset();
    }

    @Override
    public boolean promote(Promote mode) {
        boolean promoted = super.promote(mode);
        if (promoted)
            reset();
        return promoted;
    }

    private void reset() {
        if (transactionMode() == ReadWrite.WRITE) {
            changed = new ArrayList<>();
            everything = false;
        }
    }

    @Override
    public void commit() {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE) {
            for (Hook hook : hooks.values()) {
                if (everything) {
                    hook.action().run(this, null);
                    continue;
                }
                List<Triple> relevant = changed.stream().filter(t -> hook.watched().contains(t.getPredicate())).toList();
                if (!relevant.isEmpty())
                    hook.action().run(this, relevant);
            }
        }
        super.commit();
    }

    private void record(Node s, Node p, Node o) {
        if (everything || transactionMode() != ReadWrite.WRITE)
            return;
        if (changed.size() >= MAX_RECORDED)
            everything = true;
        else
            changed.add(Triple.create(s, p, o));
    }

    /** Before a pattern delete, records what it will remove. */
    private void recordMatches(Node g, Node s, Node p, Node o) {
        if (everything || transactionMode() != ReadWrite.WRITE)
            return;
        for (Hook hook : hooks.values())
            for (Node watched : hook.watched())
                if (p == null || !p.isConcrete() || p.equals(watched))
                    super.find(g, s, watched, o).forEachRemaining(q -> record(q.getSubject(), q.getPredicate(), q.getObject()));
    }

    @Override
    public void add(Quad quad) {
        record(quad.getSubject(), quad.getPredicate(), quad.getObject());
        super.add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        record(s, p, o);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        record(quad.getSubject(), quad.getPredicate(), quad.getObject());
        super.delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        record(s, p, o);
        super.delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        recordMatches(g, s, p, o);
        super.deleteAny(g, s, p, o);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        recordMatches(graphName, Node.ANY, Node.ANY, Node.ANY);
        graph.find().forEachRemaining(t -> record(t.getSubject(), t.getPredicate(), t.getObject()));
        super.addGraph(graphName, graph);
    }

    @Override
    public void removeGraph(Node graphName) {
        recordMatches(graphName, Node.ANY, Node.ANY, Node.ANY);
        super.removeGraph(graphName);
    }

    /** In a write transaction: the hooks are told everything changed (after a bulk load beside this wrapper). */
    void markEverythingChanged() {
        everything = true;
    }

    @Override
    public void clear() {
        everything = true;
        super.clear();
    }

    @Override
    public Graph getDefaultGraph() {
        return new WatchedGraph(super.getDefaultGraph(), Quad.defaultGraphIRI);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return new WatchedGraph(super.getGraph(graphNode), graphNode);
    }

    @Override
    public Graph getUnionGraph() {
        return new WatchedGraph(super.getUnionGraph(), Quad.unionGraph);
    }

    /** Graph views hand out writes too (the Graph Store Protocol uses them). */
    private final class WatchedGraph extends GraphWrapper {
        private final Node name;

        WatchedGraph(Graph graph, Node name) {
            super(graph);
            this.name = name;
        }

        @Override
        public void add(Triple t) {
            record(t.getSubject(), t.getPredicate(), t.getObject());
            super.add(t);
        }

        @Override
        public void delete(Triple t) {
            record(t.getSubject(), t.getPredicate(), t.getObject());
            super.delete(t);
        }

        @Override
        public void remove(Node s, Node p, Node o) {
            recordMatches(name, s, p, o);
            super.remove(s, p, o);
        }

        @Override
        public void clear() {
            recordMatches(name, Node.ANY, Node.ANY, Node.ANY);
            super.clear();
        }
    }
}
