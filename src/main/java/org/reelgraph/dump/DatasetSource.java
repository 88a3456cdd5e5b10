package org.reelgraph.dump;

import java.util.function.BiConsumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.reelgraph.store.Store;

/**
 * Any store through its public interface: the statements as {@link Store#stream} gives them (graph by
 * graph, from a remote store too), look-ups through its dataset. The ids are the nodes.
 */
final class DatasetSource implements DumpSource<Node> {
    private final Store store;
    private final DatasetGraph dsg;
    private final Graph union;

    DatasetSource(Store store) {
        this.store = store;
        this.dsg = store.dataset();
        this.union = dsg.getUnionGraph();
    }

    @Override
    public void forEachQuad(QuadSink<Node> sink) {
        store.stream(new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                sink.quad(q.isDefaultGraph() ? null : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            }

            @Override
            public void triple(Triple t) {
                sink.quad(null, t.getSubject(), t.getPredicate(), t.getObject());
            }
        });
    }

    @Override
    public Node node(Node id) {
        return id;
    }

    @Override
    public Node id(Node node) {
        return node;
    }

    @Override
    public void outgoing(Node graph, Node subject, BiConsumer<Node, Node> predicateObject) {
        for (Triple t : graph(graph).find(subject, Node.ANY, Node.ANY).toList())
            predicateObject.accept(t.getPredicate(), t.getObject());
    }

    @Override
    public void incoming(Node graph, Node object, BiConsumer<Node, Node> subjectPredicate) {
        for (Triple t : graph(graph).find(Node.ANY, Node.ANY, object).toList())
            subjectPredicate.accept(t.getSubject(), t.getPredicate());
    }

    @Override
    public boolean contains(Node graph, Node subject, Node predicate) {
        return dsg.contains(graph, subject, predicate, Node.ANY);
    }

    private Graph graph(Node graph) {
        return graph == null ? union : dsg.getGraph(graph);
    }
}
