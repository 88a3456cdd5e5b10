package org.reelgraph.chronology;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.reelgraph.catalog.FilmCatalog;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.RG;

/**
 * The chronologies as RDF, for SPARQL users: the graph {@code .../graph/derived/chronology} holds one
 * {@code rg:Chronology} per franchise and order, {@code rg:entry [ rg:position n ; rg:film f ]}.
 * It is updated inside every write transaction that touches what orders depend on, so it never
 * disagrees with the data; only the franchises a write touches are recomputed. A franchise whose
 * edges form a cycle gets {@code rg:hasConflict true} and no story entries.
 */
public final class PublishedChronology {
    public static final Node GRAPH = NodeFactory.createURI(Iris.GRAPH_BASE + "derived/chronology");
    /** What story and release orders are computed from. */
    static final Set<Node> INPUTS = Set.of(RG.setAfter, RG.setBefore, RG.partOfFranchise, RG.spinOffOf, RG.releaseDate, RG.releaseYear,
            RDFS.label.asNode(), RDF.type.asNode());

    private PublishedChronology() {}

    /**
     * Over a remote store every write is one request, and engines cap its size (Virtuoso reads at most
     * 10 MB): a first build goes in blocks of this many franchises (about 40 statements each).
     */
    static final int REMOTE_BLOCK = 200;

    /** Builds the derived graph now if the store has none, and keeps it current from now on. */
    public static void install(Store store) {
        install(store, REMOTE_BLOCK);
    }

    /** {@code franchisesPerRemoteWrite}: the block size of a first build over a remote store. */
    public static void install(Store store, int franchisesPerRemoteWrite) {
        boolean missing = store.read(() -> !store.dataset().containsGraph(GRAPH));
        if (missing && !store.isEmpty())
            build(store, franchisesPerRemoteWrite);
        // Registered after the first build: its own statements (types, labels) would otherwise start a second one.
        store.beforeCommit(PublishedChronology.class.getName(), INPUTS, (dsg, changed) -> update(store, dsg, changed));
    }

    /**
     * The whole graph from one read of every franchise ({@link FilmCatalog#allChronologyInputs}): embedded,
     * in one transaction; remote, in blocks of franchises, each complete in its own request.
     */
    private static void build(Store store, int franchisesPerWrite) {
        if (store.remote().isEmpty()) {
            store.write(() -> update(store, store.dataset(), null));
            return;
        }
        List<FilmCatalog.ChronologyInput> inputs = new FilmCatalog(store).allChronologyInputs();
        for (int from = 0; from < inputs.size(); from += franchisesPerWrite) {
            List<FilmCatalog.ChronologyInput> block = inputs.subList(from, Math.min(inputs.size(), from + franchisesPerWrite));
            store.write(() -> block.forEach(input -> publish(store.dataset(), input)));
        }
    }

    /** Recomputes the franchises {@code changed} touches; all of them when it is null. */
    static void update(Store store, DatasetGraph dsg, List<Triple> changed) {
        FilmCatalog catalog = new FilmCatalog(store);
        if (changed == null) {
            dsg.deleteAny(GRAPH, Node.ANY, Node.ANY, Node.ANY);
            catalog.allChronologyInputs().forEach(input -> publish(dsg, input));
            return;
        }
        ChronologyService service = new ChronologyService(catalog);
        for (String slug : touched(dsg, changed)) {
            for (Order order : Order.values())
                remove(dsg, chronologyNode(slug, order));
            service.bothOrders(slug).ifPresent(answers -> answers.forEach(answer -> add(dsg, slug, answer)));
        }
    }

    private static void publish(DatasetGraph dsg, FilmCatalog.ChronologyInput input) {
        ChronologyService.bothOrders(input).forEach(answer -> add(dsg, input.franchise().slug(), answer));
    }

    /** The franchises whose orders a set of changed statements can move. */
    private static Set<String> touched(DatasetGraph dsg, Collection<Triple> changed) {
        Graph union = dsg.getUnionGraph();
        Set<Node> franchises = new HashSet<>();
        Set<Node> films = new HashSet<>();
        for (Triple t : changed) {
            Node p = t.getPredicate();
            films.add(t.getSubject());
            if (p.equals(RG.setAfter) || p.equals(RG.setBefore))
                films.add(t.getObject());
            // The object of a removed membership is the franchise the film left.
            if (p.equals(RG.partOfFranchise) || p.equals(RG.spinOffOf))
                franchises.add(t.getObject());
            if (p.equals(RDF.type.asNode()) && t.getObject().equals(RG.Franchise))
                franchises.add(t.getSubject());
        }
        for (Node node : films) {
            if (union.contains(node, RDF.type.asNode(), RG.Franchise))
                franchises.add(node);
            union.find(node, RG.partOfFranchise, Node.ANY).forEachRemaining(m -> franchises.add(m.getObject()));
            union.find(node, RG.spinOffOf, Node.ANY).forEachRemaining(m -> franchises.add(m.getObject()));
        }
        Set<String> slugs = new HashSet<>();
        for (Node f : franchises)
            if (f.isURI())
                Iris.slugOf(Kind.FRANCHISE, f.getURI()).ifPresent(slugs::add);
        return slugs;
    }

    private static Node chronologyNode(String franchiseSlug, Order order) {
        return NodeFactory.createURI(GRAPH.getURI() + "#" + franchiseSlug + "-" + order.id());
    }

    private static void remove(DatasetGraph dsg, Node chronology) {
        for (Node entry : dsg.stream(GRAPH, chronology, RG.entry, Node.ANY).map(Quad::getObject).toList())
            dsg.deleteAny(GRAPH, entry, Node.ANY, Node.ANY);
        dsg.deleteAny(GRAPH, chronology, Node.ANY, Node.ANY);
    }

    private static void add(DatasetGraph dsg, String franchiseSlug, ChronologyService.Answer answer) {
        Node chronology = chronologyNode(franchiseSlug, Order.parse(answer.order()).orElseThrow());
        dsg.add(GRAPH, chronology, RDF.type.asNode(), RG.Chronology);
        dsg.add(GRAPH, chronology, RDFS.label.asNode(), NodeFactory.createLiteralLang(
                answer.franchise().title() + " in " + answer.order() + " order", "en"));
        dsg.add(GRAPH, chronology, RG.chronologyOf, NodeFactory.createURI(answer.franchise().id()));
        dsg.add(GRAPH, chronology, RG.order, NodeFactory.createLiteralString(answer.order()));
        if (answer.hasConflicts()) {
            dsg.add(GRAPH, chronology, RG.hasConflict, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
            return;
        }
        for (ChronologyResult.Entry e : answer.entries()) {
            Node entry = NodeFactory.createURI(chronology.getURI() + "-" + e.position());
            dsg.add(GRAPH, chronology, RG.entry, entry);
            dsg.add(GRAPH, entry, RG.position, NodeFactory.createLiteralDT(Integer.toString(e.position()), XSDDatatype.XSDinteger));
            dsg.add(GRAPH, entry, RG.film, NodeFactory.createURI(e.id()));
            dsg.add(GRAPH, entry, RG.placement, NodeFactory.createLiteralString(e.placement()));
        }
    }
}
