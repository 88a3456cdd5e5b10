package org.reelgraph.chronology;

import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.reelgraph.catalog.FilmCatalog;
import org.reelgraph.catalog.FranchiseSummary;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.RG;

/**
 * The chronologies as RDF, for SPARQL users: the graph {@code .../graph/derived/chronology} holds one
 * {@code rg:Chronology} per franchise and order, {@code rg:entry [ rg:position n ; rg:film f ]}.
 * It is rebuilt inside every write transaction that touches what orders depend on, so it never
 * disagrees with the data. A franchise whose edges form a cycle gets {@code rg:hasConflict true}
 * and no story entries.
 */
public final class PublishedChronology {
    public static final Node GRAPH = NodeFactory.createURI(Iris.GRAPH_BASE + "derived/chronology");
    /** What story and release orders are computed from. */
    static final Set<Node> INPUTS = Set.of(RG.setAfter, RG.setBefore, RG.partOfFranchise, RG.spinOffOf, RG.releaseDate,
            RDFS.label.asNode(), RDF.type.asNode());

    private PublishedChronology() {}

    /** Keeps the derived graph current from now on, and builds it now if the store has none. */
    public static void install(Store store) {
        store.beforeCommit(PublishedChronology.class.getName(), INPUTS, dsg -> rebuild(store, dsg));
        boolean missing = store.read(() -> !store.dataset().containsGraph(GRAPH));
        if (missing && !store.isEmpty())
            store.write(() -> rebuild(store, store.dataset()));
    }

    static void rebuild(Store store, DatasetGraph dsg) {
        Graph derived = build(new FilmCatalog(store));
        dsg.deleteAny(GRAPH, Node.ANY, Node.ANY, Node.ANY);
        derived.find().forEachRemaining(t -> dsg.add(GRAPH, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    static Graph build(FilmCatalog catalog) {
        ChronologyService service = new ChronologyService(catalog);
        Graph g = GraphFactory.createDefaultGraph();
        for (FranchiseSummary franchise : catalog.franchises()) {
            for (Order order : Order.values()) {
                ChronologyService.Answer answer = service.chronology(franchise.slug(), order).orElseThrow();
                Node chronology = NodeFactory.createURI(GRAPH.getURI() + "#" + franchise.slug() + "-" + order.id());
                g.add(chronology, RDF.type.asNode(), RG.Chronology);
                g.add(chronology, RDFS.label.asNode(), NodeFactory.createLiteralLang(
                        franchise.title() + " in " + order.id() + " order", "en"));
                g.add(chronology, RG.chronologyOf, Iris.resourceNode(Kind.FRANCHISE, franchise.slug()));
                g.add(chronology, RG.order, NodeFactory.createLiteralString(order.id()));
                if (answer.hasConflicts()) {
                    g.add(chronology, RG.hasConflict, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
                    continue;
                }
                for (ChronologyResult.Entry e : answer.entries()) {
                    Node entry = NodeFactory.createURI(chronology.getURI() + "-" + e.position());
                    g.add(chronology, RG.entry, entry);
                    g.add(entry, RG.position, NodeFactory.createLiteralDT(Integer.toString(e.position()), XSDDatatype.XSDinteger));
                    g.add(entry, RG.film, NodeFactory.createURI(e.id()));
                    g.add(entry, RG.placement, NodeFactory.createLiteralString(e.placement()));
                }
            }
        }
        return g;
    }
}
