package org.reelgraph.load;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * SHACL alongside a streamed load: the statements are validated in memory in chunks of about
 * {@code chunkSize} triples (cut between subjects), each seen with the {@code rdf:type}s of every earlier
 * chunk, so {@code sh:class} on a value typed earlier holds. What a chunk cannot decide is left as
 * <em>suspect</em>, to be validated on the loaded store: the focus nodes of chunk violations (a value
 * typed later, a subject's statements in a later chunk) and every subject stated in more than one chunk
 * (a {@code sh:maxCount} could be exceeded only in sum). For shapes whose constraints read the focus
 * node's own statements and its values' types (ontology/shapes.ttl) this is the whole-store result,
 * at in-memory speed; memory grows with the typed subjects, not with the triples.
 */
final class StreamedShapes {
    private static final Node TYPE = RDF.type.asNode();
    /** Focus nodes above this many: the caller validates the whole store instead. */
    static final int MAX_SUSPECTS = 200_000;

    private final ShapesCheck shapes;
    private final long chunkSize;
    private final Graph types = GraphFactory.createGraphMem();
    private final Set<Node> earlierSubjects = new HashSet<>();
    private final Set<Node> suspects = new LinkedHashSet<>();
    private Graph chunk = GraphFactory.createGraphMem();
    private final Set<Node> chunkSubjects = new HashSet<>();
    private long inChunk;
    private Node lastSubject;
    private boolean overflow;

    StreamedShapes(ShapesCheck shapes, long chunkSize) {
        this.shapes = shapes;
        this.chunkSize = chunkSize;
    }

    void add(Triple t) {
        Node s = t.getSubject();
        if (inChunk >= chunkSize && !s.equals(lastSubject))
            check();
        lastSubject = s;
        if (chunkSubjects.add(s) && earlierSubjects.contains(s))
            suspect(s);
        chunk.add(t);
        inChunk++;
    }

    /** Validates the last chunk; the nodes to validate again on the store (empty: none). */
    Set<Node> finish() {
        check();
        return suspects;
    }

    /** More suspects than {@link #MAX_SUSPECTS}: validating the whole store is cheaper. */
    boolean overflow() {
        return overflow;
    }

    private void suspect(Node n) {
        if (suspects.size() < MAX_SUSPECTS)
            suspects.add(n);
        else
            overflow = true;
    }

    private void check() {
        if (inChunk == 0)
            return;
        for (ShapesCheck.Violation v : shapes.validate(new WithEarlierTypes(chunk, types)))
            suspect(v.focus());
        chunk.find(Node.ANY, TYPE, Node.ANY).forEachRemaining(types::add);
        earlierSubjects.addAll(chunkSubjects);
        chunkSubjects.clear();
        chunk = GraphFactory.createGraphMem();
        inChunk = 0;
    }

    /** The chunk, and for a given subject also its types from earlier chunks (never as targets: those need a concrete subject). */
    private static final class WithEarlierTypes extends GraphBase {
        private final Graph chunk;
        private final Graph types;

        WithEarlierTypes(Graph chunk, Graph types) {
            this.chunk = chunk;
            this.types = types;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            ExtendedIterator<Triple> found = chunk.find(pattern);
            Node s = pattern.getSubject();
            Node p = pattern.getPredicate();
            if (s.isConcrete() && (!p.isConcrete() || p.equals(TYPE)))
                found = found.andThen(types.find(s, TYPE, pattern.getObject()));
            return found;
        }
    }
}
