package org.reelgraph.vocab;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Resource and graph IRIs as DESIGN.md sections 2 and 3 define them. */
public final class Iris {
    public static final String BASE = "https://w3id.org/reelgraph/";
    public static final String ID_BASE = BASE + "id/";
    public static final String GRAPH_BASE = BASE + "graph/";

    public static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(GRAPH_BASE + "ontology");
    public static final Node META_GRAPH = NodeFactory.createURI(GRAPH_BASE + "meta");

    private Iris() {}

    public static String resource(Kind kind, String slug) {
        return ID_BASE + kind.segment() + "/" + Slugs.requireValid(slug);
    }

    public static Node resourceNode(Kind kind, String slug) {
        return NodeFactory.createURI(resource(kind, slug));
    }

    /** Graph of a curated file {@code data/x.ttl}. */
    public static Node dataGraph(String name) {
        return NodeFactory.createURI(GRAPH_BASE + "data/" + Slugs.requireValid(name));
    }

    /** Graph of an ingested review. */
    public static Node reviewGraph(String slug) {
        return NodeFactory.createURI(GRAPH_BASE + "review/" + Slugs.requireValid(slug));
    }

    /** The review slug of a review graph ({@code .../graph/review/{slug}}). */
    public static String reviewSlug(Node reviewGraph) {
        String iri = reviewGraph.getURI();
        if (!iri.startsWith(GRAPH_BASE + "review/"))
            throw new IllegalArgumentException("not a review graph: " + iri);
        return iri.substring((GRAPH_BASE + "review/").length());
    }

    /** The slug of a resource IRI of the given kind, if it is one. */
    public static Optional<String> slugOf(Kind kind, String iri) {
        String prefix = ID_BASE + kind.segment() + "/";
        if (!iri.startsWith(prefix))
            return Optional.empty();
        String slug = iri.substring(prefix.length());
        return Slugs.isValid(slug) ? Optional.of(slug) : Optional.empty();
    }

    /** The last path segment of any reelgraph resource IRI; for foreign IRIs the IRI itself. */
    public static String slugOrIri(String iri) {
        if (!iri.startsWith(ID_BASE))
            return iri;
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
