package org.reelgraph.catalog;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.reelgraph.vocab.RG;

/**
 * What every franchise's chronology is computed from, copied into memory by a dozen whole-store reads
 * (one find per predicate): {@code facts} holds, from the union graph, the franchises and works with
 * their types, memberships, labels and release dates; {@code edges} holds the placement edges in their
 * own graphs with the evidence annotating them. {@link FilmCatalog} then reads a franchise from here
 * exactly as it reads it from the store, so both give the same answer.
 */
record ChronologySnapshot(Graph facts, DatasetGraph edges) {
    private static final List<Node> TYPES = List.of(RG.Franchise, RG.Film, RG.ShortFilm, RG.Series);
    /** Memberships, labels and release dates, kept for the franchises and works only. */
    private static final List<Node> ABOUT_RESOURCES = List.of(RG.partOfFranchise, RG.spinOffOf, RDFS.label.asNode(),
            RG.releaseDate, RG.releaseYear);
    private static final List<Node> PLACEMENTS = List.of(RG.setAfter, RG.setBefore);
    private static final List<Node> EVIDENCE = List.of(RG.quote, RG.confidence);

    /** Reads {@code dsg} (inside the caller's read transaction). */
    static ChronologySnapshot of(DatasetGraph dsg) {
        Graph union = dsg.getUnionGraph();
        Graph facts = GraphFactory.createDefaultGraph();
        DatasetGraph edges = DatasetGraphFactory.create();
        Set<Node> resources = new HashSet<>();
        for (Node type : TYPES)
            each(union.find(Node.ANY, RDF.type.asNode(), type), t -> {
                facts.add(t);
                resources.add(t.getSubject());
            });
        for (Node p : ABOUT_RESOURCES)
            each(union.find(Node.ANY, p, Node.ANY), t -> {
                if (resources.contains(t.getSubject()))
                    facts.add(t);
            });
        Set<Triple> placements = new HashSet<>();
        for (Node p : PLACEMENTS)
            each(dsg.find(Node.ANY, Node.ANY, p, Node.ANY), q -> {
                if (!q.isDefaultGraph() && resources.contains(q.getSubject())) {
                    edges.add(q);
                    placements.add(q.asTriple());
                }
            });
        // Evidence: the reifiers of those edges (RDF 1.2 annotations) and their quote and confidence.
        Set<Quad> reifiers = new HashSet<>();
        each(dsg.find(Node.ANY, Node.ANY, RDF.reifies.asNode(), Node.ANY), q -> {
            if (q.getObject().isTripleTerm() && placements.contains(q.getObject().getTriple())) {
                edges.add(q);
                reifiers.add(Quad.create(q.getGraph(), q.getSubject(), Node.ANY, Node.ANY));
            }
        });
        for (Node p : EVIDENCE)
            each(dsg.find(Node.ANY, Node.ANY, p, Node.ANY), q -> {
                if (reifiers.contains(Quad.create(q.getGraph(), q.getSubject(), Node.ANY, Node.ANY)))
                    edges.add(q);
            });
        return new ChronologySnapshot(facts, edges);
    }

    private static <T> void each(Iterator<T> iterator, Consumer<T> action) {
        try {
            iterator.forEachRemaining(action);
        } finally {
            Iter.close(iterator);
        }
    }
}
