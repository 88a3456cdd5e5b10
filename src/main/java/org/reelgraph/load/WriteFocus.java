package org.reelgraph.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The nodes whose SHACL result a write can change, so that the write is validated on them and not on
 * the whole store (which grows; over a remote store every node read is a request). For shapes whose
 * constraints read a focus node's own statements and its values' types (ontology/shapes.ttl;
 * {@link StreamedShapes} rests on the same property) those are: the subject of every statement added or
 * removed; whatever points at a node that lost an {@code rdf:type}; the instances of a class, or of its
 * subclasses, whose {@code rdfs:subClassOf} changed, and when one was removed also whatever points at
 * them (they lost a type). Statements only added cannot break what points at their subject (no shape
 * uses {@code sh:not}). On a store that was empty that is every subject: the whole-store result.
 */
final class WriteFocus {
    private static final Node TYPE = RDF.type.asNode();
    private static final Node SUBCLASS = RDFS.subClassOf.asNode();

    private final Set<Node> subjects = new LinkedHashSet<>();
    private final Set<Node> values = new LinkedHashSet<>();
    private final Set<Node> untyped = new LinkedHashSet<>();
    /** Classes whose {@code rdfs:subClassOf} changed: true when one was removed. */
    private final Map<Node, Boolean> reclassed = new LinkedHashMap<>();

    /** A graph whose statements were {@code before} (in memory) now holds {@code after}. */
    void replaced(Graph before, Graph after) {
        before.find().forEachRemaining(t -> {
            if (!after.contains(t))
                changed(t, true);
        });
        after.find().forEachRemaining(t -> {
            if (!before.contains(t))
                changed(t, false);
        });
    }

    /** A subject whose statements changed outside {@link #replaced} (the provenance of a graph). */
    void touched(Node subject) {
        subjects.add(subject);
    }

    private void changed(Triple t, boolean removed) {
        subjects.add(t.getSubject());
        Node o = t.getObject();
        if (o.isURI() || o.isBlank())
            values.add(o);
        if (removed && t.getPredicate().equals(TYPE))
            untyped.add(t.getSubject());
        if (t.getPredicate().equals(SUBCLASS))
            reclassed.merge(t.getSubject(), removed, Boolean::logicalOr);
    }

    /** The focus nodes to validate, those found by pattern through {@code union} (the store as the write leaves it) included. */
    Set<Node> nodes(Graph union) {
        Set<Node> focus = new LinkedHashSet<>(subjects);
        Set<Node> lostTypes = new LinkedHashSet<>(untyped);
        for (Map.Entry<Node, Boolean> changed : reclassed.entrySet()) {
            Set<Node> seen = new HashSet<>();
            Deque<Node> classes = new ArrayDeque<>(List.of(changed.getKey()));
            while (!classes.isEmpty()) {
                Node c = classes.pop();
                if (!seen.add(c))
                    continue;
                union.find(Node.ANY, TYPE, c).forEachRemaining(t -> {
                    focus.add(t.getSubject());
                    if (changed.getValue())
                        lostTypes.add(t.getSubject());
                });
                union.find(Node.ANY, SUBCLASS, c).forEachRemaining(t -> classes.push(t.getSubject()));
            }
        }
        for (Node n : lostTypes)
            union.find(Node.ANY, Node.ANY, n).forEachRemaining(t -> focus.add(t.getSubject()));
        return focus;
    }

    /** The nodes whose statements validating {@code focus} reads: the focus and the values of the changed statements. */
    Set<Node> read(Set<Node> focus) {
        Set<Node> read = new LinkedHashSet<>(focus);
        read.addAll(values);
        return read;
    }
}
