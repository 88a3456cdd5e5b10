package org.reelgraph.load;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.RG;

/**
 * A review text as an {@code rg:Review} of a film, with its full text. The film is named by the
 * file: {@code ballerina-2025-review.txt} reviews the film whose slug {@code ballerina-2025} begins
 * the file name. Extracting facts from the text is the job of the extract package.
 */
public final class ReviewDocument {
    private ReviewDocument() {}

    /** The film slug that begins {@code reviewSlug}, the longest one when several do. */
    public static Optional<String> filmFor(String reviewSlug, Set<String> filmSlugs) {
        return filmSlugs.stream()
                .filter(f -> reviewSlug.equals(f) || reviewSlug.startsWith(f + "-"))
                .max(Comparator.comparingInt(String::length));
    }

    public static Graph graph(String reviewSlug, Node film, String filmTitle, String text) {
        Node review = Iris.resourceNode(Kind.REVIEW, reviewSlug);
        Graph g = GraphFactory.createDefaultGraph();
        g.add(review, RDF.type.asNode(), RG.Review);
        g.add(review, RDFS.label.asNode(), NodeFactory.createLiteralLang("Review of " + filmTitle, "en"));
        g.add(review, RG.reviewOf, film);
        g.add(review, RG.text, NodeFactory.createLiteralDT(text, XSDDatatype.XSDstring));
        return g;
    }
}
