package org.reelgraph.extract;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.RG;
import org.reelgraph.vocab.Slugs;

/**
 * The review graph as {@code ingest} writes it (DESIGN.md sections 2 and 3): the {@code rg:Review}
 * with its text, film, author and feature image; the facts about the film; each fact annotated in
 * RDF 1.2 ({@code _:r rdf:reifies <<( s p o )>>}) with {@code prov:wasDerivedFrom}, {@code rg:quote},
 * {@code rg:start}, {@code rg:end} and {@code rg:confidence}; and a type and label for every
 * resource the text introduced. Blank nodes get labels derived from the review slug, so building
 * the same extraction twice gives the same graph.
 *
 * <p>A film the graph does not know is typed {@code rg:Film} and labelled, but gets no
 * {@code rg:releaseDate}: the text gives only a year and the shapes ask for an {@code xsd:date}, so
 * such a graph does not validate until the film is added to the curated data.
 */
public final class ReviewGraph {
    private static final Node WAS_DERIVED_FROM = NodeFactory.createURI(Prefixes.PROV + "wasDerivedFrom");
    private static final Node QUOTE = NodeFactory.createURI(RG.NS + "quote");
    private static final Node START = NodeFactory.createURI(RG.NS + "start");
    private static final Node END = NodeFactory.createURI(RG.NS + "end");
    private static final Node CONFIDENCE = NodeFactory.createURI(RG.NS + "confidence");
    private static final Map<String, Node> PREDICATES = Map.of(
            "partOfFranchise", RG.partOfFranchise, "spinOffOf", RG.spinOffOf, "setAfter", RG.setAfter,
            "setBefore", RG.setBefore, "directedBy", RG.directedBy, "starring", RG.starring,
            "reviewedBy", RG.reviewedBy, "creditedTo", RG.creditedTo);
    private static final Map<String, Node> CLASSES = Map.of(
            "franchise", RG.Franchise, "film", RG.Film, "person", RG.Person, "character", RG.Character,
            "organization", RG.Organization);

    private ReviewGraph() {}

    public static Graph build(Extraction x, String reviewSlug, String reviewText) {
        Slugs.requireValid(reviewSlug);
        Graph g = GraphFactory.createDefaultGraph();
        Node review = Iris.resourceNode(Kind.REVIEW, reviewSlug);
        Node film = NodeFactory.createURI(x.film().id());
        g.add(review, RDF.type.asNode(), RG.Review);
        g.add(review, RDFS.label.asNode(), en("Review of " + x.film().title()));
        g.add(review, RG.reviewOf, film);
        g.add(review, RG.text, NodeFactory.createLiteralDT(reviewText, XSDDatatype.XSDstring));
        for (NewName n : x.newNames()) {
            Node cls = CLASSES.get(n.kind());
            if (cls == null)
                continue;
            Node r = NodeFactory.createURI(n.id());
            g.add(r, RDF.type.asNode(), cls);
            g.add(r, RDFS.label.asNode(), en(n.label()));
        }
        Node image = null;
        int annotation = 0;
        Map<String, Integer> performances = new HashMap<>();
        for (Statement s : x.statements()) {
            Node p = PREDICATES.get(s.predicate());
            if (p == null || s.objectId() == null)
                continue;
            Node o = NodeFactory.createURI(s.objectId());
            switch (s.predicate()) {
                case "reviewedBy" -> {
                    annotate(g, review, p, o, review, s, reviewSlug, annotation++);
                    annotate(g, film, p, o, review, s, reviewSlug, annotation++);
                }
                case "creditedTo" -> {
                    if (image == null) {
                        image = Iris.resourceNode(Kind.IMAGE, reviewSlug + "-feature");
                        g.add(image, RDF.type.asNode(), RG.Image);
                        g.add(image, RDFS.label.asNode(), en("Feature image of the review of " + x.film().title()));
                        g.add(review, RG.featureImage, image);
                    }
                    annotate(g, image, p, o, review, s, reviewSlug, annotation++);
                    if (s.viaId() != null)
                        annotate(g, image, RG.via, NodeFactory.createURI(s.viaId()), review, s, reviewSlug, annotation++);
                }
                case "starring" -> {
                    annotate(g, film, p, o, review, s, reviewSlug, annotation++);
                    if (s.characterId() != null) {
                        String key = Iris.slugOrIri(s.objectId()) + "--" + Iris.slugOrIri(s.characterId());
                        if (performances.containsKey(key))
                            continue;
                        performances.put(key, performances.size());
                        Node perf = NodeFactory.createBlankNode("performance-" + reviewSlug + "-" + key);
                        g.add(perf, RDF.type.asNode(), RG.Performance);
                        g.add(perf, RG.actor, o);
                        g.add(perf, RG.character, NodeFactory.createURI(s.characterId()));
                        annotate(g, film, RG.performance, perf, review, s, reviewSlug, annotation++);
                    }
                }
                default -> annotate(g, film, p, o, review, s, reviewSlug, annotation++);
            }
        }
        return g;
    }

    /** {@code s p o {| prov:wasDerivedFrom review ; rg:quote ... ; rg:start ; rg:end ; rg:confidence |}}. */
    private static void annotate(Graph g, Node s, Node p, Node o, Node review, Statement st, String reviewSlug, int n) {
        g.add(s, p, o);
        Node r = NodeFactory.createBlankNode("evidence-" + reviewSlug + "-" + n);
        g.add(r, RDF.Nodes.reifies, NodeFactory.createTripleTerm(s, p, o));
        g.add(r, WAS_DERIVED_FROM, review);
        g.add(r, QUOTE, NodeFactory.createLiteralDT(st.evidence().text(), XSDDatatype.XSDstring));
        g.add(r, START, NodeFactory.createLiteralDT(Integer.toString(st.evidence().start()), XSDDatatype.XSDinteger));
        g.add(r, END, NodeFactory.createLiteralDT(Integer.toString(st.evidence().end()), XSDDatatype.XSDinteger));
        g.add(r, CONFIDENCE, NodeFactory.createLiteralDT(BigDecimal.valueOf(st.confidence()).toPlainString(), XSDDatatype.XSDdecimal));
    }

    private static Node en(String label) {
        return NodeFactory.createLiteralLang(label, "en");
    }
}
