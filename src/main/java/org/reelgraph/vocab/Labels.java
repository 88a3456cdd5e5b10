package org.reelgraph.vocab;

import java.util.Comparator;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;

/** Picks one display label: English first, then untagged, then any; ties broken alphabetically. */
public final class Labels {
    private Labels() {}

    public static Optional<String> of(Graph graph, Node resource) {
        return graph.find(resource, RDFS.label.asNode(), Node.ANY).toList().stream()
                .map(t -> t.getObject())
                .filter(Node::isLiteral)
                .min(Comparator.comparingInt(Labels::rank).thenComparing(Node::getLiteralLexicalForm))
                .map(Node::getLiteralLexicalForm);
    }

    /** Lower is better. */
    private static int rank(Node literal) {
        String lang = literal.getLiteralLanguage();
        if (lang.equalsIgnoreCase("en"))
            return 0;
        if (lang.toLowerCase(java.util.Locale.ROOT).startsWith("en-"))
            return 1;
        return lang.isEmpty() ? 2 : 3;
    }
}
