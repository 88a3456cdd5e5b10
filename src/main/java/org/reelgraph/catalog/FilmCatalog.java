package org.reelgraph.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.reelgraph.chronology.FilmNode;
import org.reelgraph.chronology.PlacementEdge;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Labels;
import org.reelgraph.vocab.RG;
import org.reelgraph.vocab.Slugs;

/**
 * Read models of franchises and films, computed from the current store on every call (a write
 * over SPARQL Update or the Graph Store Protocol shows at once). Reads the union of named graphs.
 */
public final class FilmCatalog {
    private static final Node SCHEMA_SAME_AS = NodeFactory.createURI("https://schema.org/sameAs");

    private final Store store;

    public FilmCatalog(Store store) {
        this.store = store;
    }

    /** Every franchise, by title. */
    public List<FranchiseSummary> franchises() {
        return store.read(() -> {
            Graph union = store.dataset().getUnionGraph();
            return franchisesByTitle(union).stream()
                    .map(f -> new FranchiseSummary(f.id(), f.slug(), f.title(), members(union, node(f.id())).size()))
                    .toList();
        });
    }

    /** One page of the franchises by title; films are counted only for the franchises on the page. */
    public Page<FranchiseSummary> franchises(PageRequest request) {
        return store.read(() -> {
            Graph union = store.dataset().getUnionGraph();
            Page<FranchiseRef> page = request.of(franchisesByTitle(union));
            readAheadReferrers(union, page.items().stream().map(f -> node(f.id())).toList());
            return new Page<>(page.items().stream()
                    .map(f -> new FranchiseSummary(f.id(), f.slug(), f.title(), members(union, node(f.id())).size()))
                    .toList(), request, page.total());
        });
    }

    private static List<FranchiseRef> franchisesByTitle(Graph union) {
        return subjectsOfType(union, RG.Franchise, Kind.FRANCHISE)
                .map(f -> new FranchiseRef(f.getURI(), slug(f), label(union, f)))
                .sorted(Comparator.comparing(FranchiseRef::title).thenComparing(FranchiseRef::slug))
                .toList();
    }

    /** The franchise with the first page of its films. */
    public Optional<FranchiseDetail> franchise(String slug) {
        return franchise(slug, PageRequest.FIRST);
    }

    /** The franchise with one page of its films in release order, and the spin-offs among them. */
    public Optional<FranchiseDetail> franchise(String slug, PageRequest request) {
        return store.read(() -> {
            Graph union = store.dataset().getUnionGraph();
            return find(union, Kind.FRANCHISE, RG.Franchise, slug).map(f -> {
                readAheadReferrers(union, List.of(f));
                Page<FilmRef> films = request.of(members(union, f).stream().map(m -> filmRef(union, m)).sorted(RELEASE).toList());
                List<FilmRef> spinOffs = films.items().stream()
                        .filter(m -> union.contains(node(m.id()), RG.spinOffOf, Node.ANY)).toList();
                return new FranchiseDetail(f.getURI(), slug, label(union, f), films.items(), spinOffs, films.info());
            });
        });
    }

    public Optional<FilmDetail> film(String slug) {
        return store.read(() -> {
            DatasetGraph dsg = store.dataset();
            Graph union = dsg.getUnionGraph();
            return find(union, Kind.FILM, RG.Film, slug).map(f -> {
                readAround(dsg, union, f);
                return new FilmDetail(
                        f.getURI(), slug, label(union, f), released(union, f),
                        refs(union, objects(union, f, RG.partOfFranchise)),
                        refs(union, objects(union, f, RG.directedBy)),
                        cast(union, f),
                        refs(union, objects(union, f, RG.spinOffOf)),
                        new FilmDetail.Placement(
                                objects(union, f, RG.setAfter).map(n -> filmRef(union, n)).sorted(RELEASE).toList(),
                                objects(union, f, RG.setBefore).map(n -> filmRef(union, n)).sorted(RELEASE).toList()),
                        reviews(dsg, union, f),
                        objects(union, f, SCHEMA_SAME_AS).filter(Node::isURI).map(Node::getURI).sorted().toList());
            });
        });
    }

    /** A franchise's films and the placement edges between them, with the graph of each edge. */
    public record ChronologyInput(FranchiseRef franchise, List<FilmNode> films, List<PlacementEdge> edges) {}

    /** {@code allKinds}: short films and TV series too, not only feature films. */
    public Optional<ChronologyInput> chronologyInput(String franchiseSlug, boolean allKinds) {
        return store.read(() -> {
            DatasetGraph dsg = store.dataset();
            Graph union = dsg.getUnionGraph();
            return find(union, Kind.FRANCHISE, RG.Franchise, franchiseSlug).map(f -> {
                readAheadReferrers(union, List.of(f));
                return chronologyInput(union, dsg, f, franchiseSlug, allKinds);
            });
        });
    }

    /**
     * The feature-film chronology inputs of every franchise, by slug, as {@link #chronologyInput} reads them
     * one at a time: from a dozen whole-store reads copied into memory ({@link ChronologySnapshot}) instead
     * of a dozen reads per franchise, which over a remote store are as many requests.
     */
    public List<ChronologyInput> allChronologyInputs() {
        return store.read(() -> {
            ChronologySnapshot snapshot = ChronologySnapshot.of(store.dataset());
            return subjectsOfType(snapshot.facts(), RG.Franchise, Kind.FRANCHISE)
                    .map(f -> chronologyInput(snapshot.facts(), snapshot.edges(), f, slug(f), false))
                    .sorted(Comparator.comparing(input -> input.franchise().slug()))
                    .toList();
        });
    }

    /** {@code union}: the facts; {@code dsg}: the placement edges in their graphs, with their evidence. */
    private static ChronologyInput chronologyInput(Graph union, DatasetGraph dsg, Node franchise, String slug, boolean allKinds) {
        Set<Node> members = allKinds ? members(union, franchise, RG.Film, RG.ShortFilm, RG.Series) : members(union, franchise, RG.Film);
        List<FilmNode> films = members.stream()
                .map(m -> new FilmNode(m.getURI(), slug(m), label(union, m), released(union, m), kind(union, m)))
                .filter(n -> allKinds || n.kind().equals(FilmNode.FILM))
                .toList();
        List<PlacementEdge> edges = members.stream()
                .flatMap(m -> Stream.concat(edges(dsg, m, RG.setAfter, PlacementEdge.SET_AFTER),
                        edges(dsg, m, RG.setBefore, PlacementEdge.SET_BEFORE)))
                .toList();
        return new ChronologyInput(new FranchiseRef(franchise.getURI(), slug, label(union, franchise)), films, edges);
    }

    private static Stream<PlacementEdge> edges(DatasetGraph dsg, Node film, Node property, String name) {
        return dsg.stream(Node.ANY, film, property, Node.ANY)
                .filter(q -> q.getObject().isURI() && !Quad.isDefaultGraph(q.getGraph()))
                .map(q -> edge(dsg, q, name))
                .sorted(Comparator.comparing(PlacementEdge::object).thenComparing(PlacementEdge::graph));
    }

    /** An edge with the evidence its graph annotates it with (RDF 1.2: {@code ?r rdf:reifies <<( s p o )>>}). */
    private static PlacementEdge edge(DatasetGraph dsg, Quad q, String name) {
        Node statement = NodeFactory.createTripleTerm(q.getSubject(), q.getPredicate(), q.getObject());
        String quote = null;
        double confidence = 1.0;
        for (Node reifier : dsg.stream(q.getGraph(), Node.ANY, RDF.reifies.asNode(), statement).map(Quad::getSubject).toList()) {
            quote = literal(dsg, q.getGraph(), reifier, RG.quote).orElse(quote);
            confidence = literal(dsg, q.getGraph(), reifier, RG.confidence).map(Double::parseDouble).orElse(confidence);
        }
        return new PlacementEdge(q.getSubject().getURI(), name, q.getObject().getURI(), q.getGraph().getURI(), quote,
                Math.max(0, Math.min(1, confidence)));
    }

    private static Optional<String> literal(DatasetGraph dsg, Node graph, Node subject, Node property) {
        return dsg.stream(graph, subject, property, Node.ANY).map(Quad::getObject).filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm).findFirst();
    }

    private static final Comparator<FilmRef> RELEASE = Comparator
            .comparing(FilmRef::released, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FilmRef::title).thenComparing(FilmRef::id);

    /**
     * Over a remote store, what a film's answer reads, one request per level instead of one per node: what the film
     * points at, what its performances point at, the reviews of it and what they point at.
     */
    private void readAround(DatasetGraph dsg, Graph union, Node film) {
        List<Node> around = pointedAt(union, List.of(film));
        store.readAhead(around);
        store.readAhead(pointedAt(union, around.stream().filter(Node::isBlank).toList()));
        List<Node> reviews = dsg.stream(Node.ANY, Node.ANY, RG.reviewOf, film).map(q -> q.getSubject()).distinct().toList();
        store.readAhead(reviews);
        store.readAhead(pointedAt(union, reviews));
    }

    /** Over a remote store, the statements of what points at {@code targets} (a franchise's films), a block per request. */
    private void readAheadReferrers(Graph union, List<Node> targets) {
        store.readAhead(targets.stream().flatMap(t -> union.find(Node.ANY, Node.ANY, t).toList().stream()).map(Triple::getSubject).distinct().toList());
    }

    /** The IRIs and blank nodes that {@code nodes} point at. */
    private static List<Node> pointedAt(Graph union, List<Node> nodes) {
        return nodes.stream().flatMap(n -> union.find(n, Node.ANY, Node.ANY).toList().stream()).map(Triple::getObject)
                .filter(o -> o.isURI() || o.isBlank()).distinct().toList();
    }

    /** Films of a franchise: {@code rg:partOfFranchise} or {@code rg:spinOffOf} it (DESIGN.md section 4). */
    private static Set<Node> members(Graph union, Node franchise) {
        return members(union, franchise, RG.Film);
    }

    private static Set<Node> members(Graph union, Node franchise, Node... types) {
        Set<Node> members = new LinkedHashSet<>();
        Stream.of(RG.partOfFranchise, RG.spinOffOf).forEach(p ->
                union.find(Node.ANY, p, franchise).forEachRemaining(t -> {
                    if (t.getSubject().isURI() && Stream.of(types).anyMatch(type -> union.contains(t.getSubject(), RDF.type.asNode(), type)))
                        members.add(t.getSubject());
                }));
        return members;
    }

    private static String kind(Graph union, Node work) {
        if (union.contains(work, RDF.type.asNode(), RG.Series))
            return FilmNode.SERIES;
        return union.contains(work, RDF.type.asNode(), RG.ShortFilm) ? FilmNode.SHORT : FilmNode.FILM;
    }

    private static List<FilmDetail.CastMember> cast(Graph union, Node film) {
        return objects(union, film, RG.starring).filter(Node::isURI).map(actor -> {
            List<Ref> characters = objects(union, film, RG.performance)
                    .filter(p -> union.contains(p, RG.actor, actor))
                    .flatMap(p -> objects(union, p, RG.character))
                    .distinct().map(c -> ref(union, c)).sorted(Comparator.comparing(Ref::label)).toList();
            return new FilmDetail.CastMember(actor.getURI(), slug(actor), label(union, actor), characters);
        }).sorted(Comparator.comparing(FilmDetail.CastMember::name)).toList();
    }

    private static List<FilmDetail.ReviewRef> reviews(DatasetGraph dsg, Graph union, Node film) {
        return dsg.stream(Node.ANY, Node.ANY, RG.reviewOf, film)
                .map(q -> new FilmDetail.ReviewRef(q.getSubject().getURI(), slug(q.getSubject()),
                        label(union, q.getSubject()), refs(union, objects(union, q.getSubject(), RG.reviewedBy)),
                        q.getGraph().getURI()))
                .sorted(Comparator.comparing(FilmDetail.ReviewRef::id)).toList();
    }

    private static Optional<Node> find(Graph union, Kind kind, Node type, String slug) {
        if (!Slugs.isValid(slug))
            return Optional.empty();
        Node node = Iris.resourceNode(kind, slug);
        return union.contains(node, RDF.type.asNode(), type) ? Optional.of(node) : Optional.empty();
    }

    private static Stream<Node> subjectsOfType(Graph union, Node type, Kind kind) {
        return union.find(Node.ANY, RDF.type.asNode(), type).toList().stream().map(Triple::getSubject)
                .filter(s -> s.isURI() && Iris.slugOf(kind, s.getURI()).isPresent()).distinct();
    }

    private static Stream<Node> objects(Graph union, Node subject, Node property) {
        return union.find(subject, property, Node.ANY).toList().stream().map(Triple::getObject);
    }

    private static List<Ref> refs(Graph union, Stream<Node> nodes) {
        return nodes.filter(Node::isURI).distinct().map(n -> ref(union, n)).sorted(Comparator.comparing(Ref::label)).toList();
    }

    private static Ref ref(Graph union, Node n) {
        return new Ref(n.getURI(), slug(n), label(union, n));
    }

    private static FilmRef filmRef(Graph union, Node film) {
        return new FilmRef(film.getURI(), slug(film), label(union, film), released(union, film));
    }

    /** The earliest rg:releaseDate; a film known only by its year (IMDb) counts as released on 1 January of it. */
    private static LocalDate released(Graph union, Node film) {
        return objects(union, film, RG.releaseDate).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .flatMap(FilmCatalog::parseDate).min(Comparator.naturalOrder())
                .orElseGet(() -> objects(union, film, RG.releaseYear).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                        .flatMap(FilmCatalog::parseYear).min(Comparator.naturalOrder()).orElse(null));
    }

    private static Stream<LocalDate> parseYear(String lexical) {
        try {
            return Stream.of(LocalDate.of(Integer.parseInt(lexical), 1, 1));
        } catch (RuntimeException e) {
            return Stream.empty();
        }
    }

    private static Stream<LocalDate> parseDate(String lexical) {
        try {
            return Stream.of(LocalDate.parse(lexical));
        } catch (DateTimeParseException e) {
            return Stream.empty();
        }
    }

    private static String label(Graph union, Node n) {
        return Labels.of(union, n).orElse(slug(n));
    }

    private static String slug(Node n) {
        return Iris.slugOrIri(n.getURI());
    }

    private static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }
}
