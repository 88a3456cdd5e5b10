package org.reelgraph.dump;

import java.util.function.BiConsumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;

/** Any dataset through Jena's public API: the ids are the nodes. */
final class DatasetSource implements DumpSource<Node> {
    private final DatasetGraph dsg;
    private final Graph union;

    DatasetSource(DatasetGraph dsg) {
        this.dsg = dsg;
        this.union = dsg.getUnionGraph();
    }

    @Override
    public void forEachQuad(QuadSink<Node> sink) {
        dsg.find().forEachRemaining(q ->
                sink.quad(q.isDefaultGraph() ? null : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
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
