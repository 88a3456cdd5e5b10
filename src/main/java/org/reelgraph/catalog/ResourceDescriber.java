package org.reelgraph.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Labels;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.RG;

/**
 * What the store says about one resource, for its Linked Data page and RDF representations:
 * <ul>
 *   <li>the resource's own triples and, recursively, those of the blank nodes they reach
 *       (a Concise Bounded Description, so {@code rg:performance [ rg:actor ; rg:character ]} comes along);</li>
 *   <li>the triples that point at it, and for a blank-node subject among them (a performance naming this
 *       person) that blank node's description and what points at it, so the film and character are there too;</li>
 *   <li>for each of those triples, the named graphs (sources) that state it and its RDF 1.2 annotations
 *       ({@code ?r rdf:reifies <<( s p o )>> ; rg:quote "..." ; prov:wasDerivedFrom <review>}).</li>
 * </ul>
 * Reads the union of the named graphs in one read transaction; the result is a copy, usable after it.
 */
public final class ResourceDescriber {
    /** More incoming triples than this (a hub in a large store) are cut off, and the description says so. */
    public static final int MAX_INCOMING = 5_000;

    private static final Node QUOTE = NodeFactory.createURI(RG.NS + "quote");
    private static final Node START = NodeFactory.createURI(RG.NS + "start");
    private static final Node END = NodeFactory.createURI(RG.NS + "end");
    private static final Node CONFIDENCE = NodeFactory.createURI(RG.NS + "confidence");
    private static final Node DERIVED_FROM = NodeFactory.createURI(Prefixes.PROV + "wasDerivedFrom");

    private final Store store;

    public ResourceDescriber(Store store) {
        this.store = store;
    }

    /**
     * Evidence for one statement, from an RDF 1.2 annotation. {@code quote}, {@code derivedFrom},
     * {@code start}, {@code end} and {@code confidence} are null when the annotation does not state them.
     */
    public record Annotation(Node graph, Node reifier, String quote, Node derivedFrom, Integer start, Integer end, String confidence) {}

    /**
     * The description of {@code resource}. {@code graph} holds the RDF representation (own triples, their
     * blank nodes, incoming triples); {@code sources} and {@code annotations} are keyed by its triples;
     * {@code labels} has the display label of every IRI in it that has one (properties and classes included).
     */
    public record Description(Node resource, Graph graph, Map<Triple, List<Node>> sources,
                              Map<Triple, List<Annotation>> annotations, Map<Node, String> labels, boolean incomingTruncated) {

        /** The resource's own statements, in a stable order. */
        public List<Triple> outgoing() {
            return sorted(graph.find(resource, Node.ANY, Node.ANY));
        }

        /** Statements of a blank node in the description (a performance). */
        public List<Triple> of(Node blank) {
            return sorted(graph.find(blank, Node.ANY, Node.ANY));
        }

        /** Statements that point at the resource. */
        public List<Triple> incoming() {
            return sorted(graph.find(Node.ANY, Node.ANY, resource));
        }

        /** Statements that point at {@code node} (which film has this performance). */
        public List<Triple> pointingAt(Node node) {
            return sorted(graph.find(Node.ANY, Node.ANY, node));
        }

        public Optional<String> label(Node node) {
            return Optional.ofNullable(labels.get(node));
        }

        public List<Node> sourcesOf(Triple triple) {
            return sources.getOrDefault(triple, List.of());
        }

        public List<Annotation> annotationsOf(Triple triple) {
            return annotations.getOrDefault(triple, List.of());
        }

        private static List<Triple> sorted(ExtendedIterator<Triple> it) {
            List<Triple> list = it.toList();
            list.sort(Comparator.comparing((Triple t) -> t.getSubject().toString())
                    .thenComparing(t -> t.getPredicate().toString()).thenComparing(t -> t.getObject().toString()));
            return list;
        }
    }

    /** The description of the resource with IRI {@code iri}, or empty when no triple has it as subject. */
    public Optional<Description> describe(String iri) {
        Node resource = NodeFactory.createURI(iri);
        return store.read(() -> {
            DatasetGraph dsg = store.dataset();
            Graph union = dsg.getUnionGraph();
            if (!union.contains(resource, Node.ANY, Node.ANY))
                return Optional.empty();

            Graph graph = GraphFactory.createDefaultGraph();
            Set<Node> described = new HashSet<>();
            addBounded(union, resource, graph, described);
            boolean truncated = addIncoming(union, resource, graph, described, new HashSet<>());

            Map<Triple, List<Node>> sources = new LinkedHashMap<>();
            Map<Triple, List<Annotation>> annotations = new LinkedHashMap<>();
            graph.find().forEachRemaining(t -> {
                sources.put(t, graphsStating(dsg, t));
                List<Annotation> found = annotations(dsg, t);
                if (!found.isEmpty())
                    annotations.put(t, found);
            });
            usePrefixes(graph);
            return Optional.of(new Description(resource, graph, Map.copyOf(sources), Map.copyOf(annotations),
                    labels(union, graph, annotations), truncated));
        });
    }

    /** The node's triples and, for blank-node objects, theirs (CBD). */
    private static void addBounded(Graph union, Node node, Graph into, Set<Node> described) {
        if (!described.add(node))
            return;
        for (Triple t : union.find(node, Node.ANY, Node.ANY).toList()) {
            into.add(t);
            if (t.getObject().isBlank())
                addBounded(union, t.getObject(), into, described);
        }
    }

    /**
     * Triples pointing at {@code node}; a blank subject among them brings its own description and what
     * points at it. Returns true when {@link #MAX_INCOMING} cut the list.
     */
    private static boolean addIncoming(Graph union, Node node, Graph into, Set<Node> described, Set<Node> visited) {
        if (!visited.add(node))
            return false;
        boolean truncated = false;
        ExtendedIterator<Triple> it = union.find(Node.ANY, Node.ANY, node);
        try {
            int n = 0;
            while (it.hasNext()) {
                if (n++ == MAX_INCOMING)
                    return true;
                Triple t = it.next();
                into.add(t);
                if (t.getSubject().isBlank()) {
                    addBounded(union, t.getSubject(), into, described);
                    truncated |= addIncoming(union, t.getSubject(), into, described, visited);
                }
            }
        } finally {
            it.close();
        }
        return truncated;
    }

    private static List<Node> graphsStating(DatasetGraph dsg, Triple t) {
        TreeSet<String> graphs = new TreeSet<>();
        dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).forEachRemaining(q -> {
            if (q.getGraph().isURI() && !Quad.isDefaultGraph(q.getGraph()) && !Quad.isUnionGraph(q.getGraph()))
                graphs.add(q.getGraph().getURI());
        });
        return graphs.stream().map(NodeFactory::createURI).toList();
    }

    private static List<Annotation> annotations(DatasetGraph dsg, Triple t) {
        List<Annotation> found = new ArrayList<>();
        Node term = NodeFactory.createTripleTerm(t);
        dsg.find(Node.ANY, Node.ANY, RDF.Nodes.reifies, term).forEachRemaining(q -> {
            Node g = q.getGraph();
            Node r = q.getSubject();
            found.add(new Annotation(g, r, literal(dsg, g, r, QUOTE), first(dsg, g, r, DERIVED_FROM),
                    integer(dsg, g, r, START), integer(dsg, g, r, END), literal(dsg, g, r, CONFIDENCE)));
        });
        found.sort(Comparator.comparing((Annotation a) -> a.graph().toString()).thenComparing(a -> a.reifier().toString()));
        return found;
    }

    private static Node first(DatasetGraph dsg, Node g, Node s, Node p) {
        var it = dsg.find(g, s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    private static String literal(DatasetGraph dsg, Node g, Node s, Node p) {
        Node o = first(dsg, g, s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    private static Integer integer(DatasetGraph dsg, Node g, Node s, Node p) {
        String lexical = literal(dsg, g, s, p);
        try {
            return lexical == null ? null : Integer.valueOf(lexical.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The standard prefixes whose namespace some IRI of the graph is in (a short Turtle header). */
    private static void usePrefixes(Graph graph) {
        Set<String> iris = new HashSet<>();
        graph.find().forEachRemaining(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
                if (n.isURI())
                    iris.add(n.getURI());
                else if (n.isLiteral())
                    iris.add(n.getLiteralDatatypeURI());
            }
        });
        Prefixes.STANDARD.getNsPrefixMap().forEach((prefix, ns) -> {
            if (iris.stream().anyMatch(iri -> iri.startsWith(ns)))
                graph.getPrefixMapping().setNsPrefix(prefix, ns);
        });
    }

    /** Labels of every IRI the page may show: subjects, properties, values, classes, annotation sources. */
    private static Map<Node, String> labels(Graph union, Graph graph, Map<Triple, List<Annotation>> annotations) {
        Set<Node> nodes = new HashSet<>();
        graph.find().forEachRemaining(t -> {
            nodes.add(t.getSubject());
            nodes.add(t.getPredicate());
            nodes.add(t.getObject());
        });
        annotations.values().forEach(list -> list.forEach(a -> {
            if (a.derivedFrom() != null)
                nodes.add(a.derivedFrom());
        }));
        Map<Node, String> labels = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.isURI())
                Labels.of(union, n).ifPresent(label -> labels.put(n, label));
        }
        return Map.copyOf(labels);
    }
}
