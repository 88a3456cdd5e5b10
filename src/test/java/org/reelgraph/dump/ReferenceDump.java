package org.reelgraph.dump;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.reelgraph.store.Store;

/**
 * The dump's first implementation, kept as the reference the fast path must match byte for byte:
 * Node-level reads through the public API, String lines sorted in memory (test-sized stores only).
 * Blank nodes get stable labels: a hash of what the node states (nested blank nodes by their own
 * labels) and of the statement pointing to it.
 */
final class ReferenceDump {
    private static final int MAX_DEPTH = 3;
    private static final Node REIFIES = RDF.reifies.asNode();

    private final DatasetGraph dsg;
    private final Graph union;
    private final Map<List<Object>, String> labels = lru(50_000);

    private ReferenceDump(DatasetGraph dsg) {
        this.dsg = dsg;
        this.union = dsg.getUnionGraph();
    }

    /** The N-Triples (union facts) or N-Quads dump as the first implementation wrote it: lines sorted as strings, each once. */
    static byte[] dump(Store store, boolean quads) {
        return store.read(() -> {
            TreeSet<String> sorted = new TreeSet<>();
            ReferenceDump lines = new ReferenceDump(store.dataset());
            if (quads)
                lines.quads(sorted::add);
            else
                lines.unionFacts(sorted::add);
            StringBuilder out = new StringBuilder();
            sorted.forEach(line -> out.append(line).append('\n'));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    /**
     * The union of the named graphs as plain RDF 1.1: RDF 1.2 annotations (reifiers, triple terms) are
     * left out. Read from the quads (faster than TDB2's de-duplicating union view); the sort that
     * follows removes the duplicates.
     */
    void unionFacts(Consumer<String> sink) {
        dsg.find().forEachRemaining(q -> {
            // Blank nodes are labelled by what their own graph says of them: a direct index look-up.
            Node g = q.getGraph();
            if (!q.isDefaultGraph() && !isAnnotation(g, q.asTriple()))
                sink.accept(term(q.getSubject(), g) + " " + term(q.getPredicate(), g) + " " + term(q.getObject(), g) + " .");
        });
    }

    /** Every quad of every graph, annotations included. */
    void quads(Consumer<String> sink) {
        dsg.find().forEachRemaining(q -> {
            Node g = q.isDefaultGraph() ? null : q.getGraph();
            String graph = g == null ? "" : " " + term(g, null);
            sink.accept(term(q.getSubject(), g) + " " + term(q.getPredicate(), g) + " " + term(q.getObject(), g) + graph + " .");
        });
    }

    private Node lastGraph;
    private Node lastSubject;
    private boolean lastSubjectIsReifier;

    /** Annotations are the reifier's statements; a reifier says {@code rdf:reifies} in the same graph. */
    private boolean isAnnotation(Node graph, Triple t) {
        if (t.getPredicate().equals(REIFIES) || t.getObject().isTripleTerm() || t.getSubject().isTripleTerm())
            return true;
        // Quads come grouped by graph and subject: one look-up per subject.
        if (!t.getSubject().equals(lastSubject) || !graph.equals(lastGraph)) {
            lastGraph = graph;
            lastSubject = t.getSubject();
            lastSubjectIsReifier = dsg.contains(graph, lastSubject, REIFIES, Node.ANY);
        }
        return lastSubjectIsReifier;
    }

    /** N-Triples form of a term; {@code graph} scopes blank nodes (null = the union). */
    private String term(Node node, Node graph) {
        if (node.isBlank())
            return "_:" + label(node, graph, 0);
        if (node.isTripleTerm()) {
            Triple t = node.getTriple();
            return "<<( " + term(t.getSubject(), graph) + " " + term(t.getPredicate(), graph) + " " + term(t.getObject(), graph) + " )>>";
        }
        return NTerms.format(node);
    }

    private String label(Node blank, Node graph, int depth) {
        // The depth is part of the key: a label cut short deeper down must not stand for the full one.
        List<Object> key = graph == null ? List.of(blank, depth) : List.of(blank, graph, depth);
        String cached = labels.get(key);
        if (cached != null)
            return cached;
        List<String> parts = new ArrayList<>();
        find(graph, blank, Node.ANY, Node.ANY).forEach(t -> parts.add("> " + t.getPredicate() + " " + content(t.getObject(), graph, depth)));
        find(graph, Node.ANY, Node.ANY, blank).forEach(t -> parts.add("< " + content(t.getSubject(), graph, depth) + " " + t.getPredicate()));
        parts.sort(null);
        // Blank nodes of different graphs are different nodes, however alike they look.
        if (graph != null)
            parts.add(0, "@ " + graph);
        String label = "b" + DigestUtils.sha256Hex(String.join("\n", parts)).substring(0, 24);
        labels.put(key, label);
        return label;
    }

    private String content(Node node, Node graph, int depth) {
        if (!node.isBlank())
            return node.isTripleTerm() ? term(node, graph) : NTerms.format(node);
        // Cycles and deep nesting of blank nodes stop here; their shape is enough to tell them apart.
        return depth >= MAX_DEPTH ? "_" : label(node, graph, depth + 1);
    }

    private List<Triple> find(Node graph, Node s, Node p, Node o) {
        if (graph == null)
            return union.find(s, p, o).toList();
        return dsg.getGraph(graph).find(s, p, o).toList();
    }


    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }
}
