package org.reelgraph.dump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Stable blank-node labels: a hash of what the node states (nested blank nodes by their own labels)
 * and of the statements pointing to it, within its graph, so the same data always gives the same
 * labels whatever labels the store gave them. Recent labels are kept (a bounded cache).
 */
final class BlankLabels<I> {
    private static final int MAX_DEPTH = 3;
    private static final int CACHED = 50_000;

    /** A blank node in a graph (null: the union); {@code blank} is its id, or the node if the store has no id for it. */
    private record Key(Object blank, Object graph) {}

    private final DumpSource<I> source;
    private final Map<Key, String> labels = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > CACHED;
        }
    };

    BlankLabels(DumpSource<I> source) {
        this.source = source;
    }

    /** The label of blank node {@code node} (id {@code blank}) of {@code graph} (null: the union of the named graphs). */
    String label(I blank, Node node, I graph) {
        return label(blank, node, graph, 0);
    }

    /** N-Triples form of a term that is not a store id of its own: the parts of a triple term. */
    String term(Node node, I graph) {
        if (node.isBlank())
            return "_:" + label(source.id(node), node, graph, 0);
        if (node.isTripleTerm()) {
            Triple t = node.getTriple();
            return "<<( " + term(t.getSubject(), graph) + " " + term(t.getPredicate(), graph) + " " + term(t.getObject(), graph) + " )>>";
        }
        return NTerms.format(node);
    }

    private String label(I blank, Node node, I graph, int depth) {
        Key key = new Key(blank == null ? node : blank, graph);
        String cached = labels.get(key);
        if (cached != null)
            return cached;
        List<String> parts = new ArrayList<>();
        if (blank != null) {
            source.outgoing(graph, blank, (p, o) -> parts.add("> " + source.node(p) + " " + content(o, graph, depth)));
            source.incoming(graph, blank, (s, p) -> parts.add("< " + content(s, graph, depth) + " " + source.node(p)));
        }
        parts.sort(null);
        // Blank nodes of different graphs are different nodes, however alike they look.
        if (graph != null)
            parts.add(0, "@ " + source.node(graph));
        String label = "b" + DigestUtils.sha256Hex(String.join("\n", parts)).substring(0, 24);
        if (depth == 0)
            labels.put(key, label);
        return label;
    }

    private String content(I id, I graph, int depth) {
        Node node = source.node(id);
        if (!node.isBlank())
            return node.isTripleTerm() ? term(node, graph) : NTerms.format(node);
        // Cycles and deep nesting of blank nodes stop here; their shape is enough to tell them apart.
        return depth >= MAX_DEPTH ? "_" : label(id, node, graph, depth + 1);
    }
}
