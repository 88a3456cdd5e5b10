package org.reelgraph.load;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Labels;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.RG;

/**
 * Loads sources into their named graphs in one write transaction: each source replaces its graph
 * (idempotent), provenance goes to the meta graph, and the result is validated with SHACL before
 * commit. Any syntax or shape error aborts the whole transaction, so the store stays as it was.
 */
public final class Loader {
    private final Store store;
    private final ShapesCheck shapes;
    private final Clock clock;

    public Loader(Store store, ShapesCheck shapes, Clock clock) {
        this.store = store;
        this.shapes = shapes;
        this.clock = clock;
    }

    /** Loads and commits, or throws {@link LoadException} and changes nothing. */
    public LoadReport load(List<Source> sources) {
        return run(sources, true);
    }

    /** Does everything a load does, then aborts: a dry run that reports the same errors. */
    public LoadReport check(List<Source> sources) {
        return run(sources, false);
    }

    private record Prepared(Source source, RdfSourceParser.Parsed rdf, String text, String sha256) {}

    private LoadReport run(List<Source> sources, boolean commit) {
        long start = System.nanoTime();
        List<SourceError> errors = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (Source source : sources) {
            try {
                prepared.add(prepare(source));
            } catch (LoadException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty())
            throw new LoadException(errors);

        DatasetGraph dsg = store.dataset();
        // Explicit begin/commit/abort rather than Txn.executeWrite: a dry run must abort a valid write.
        dsg.begin(TxnType.WRITE);
        try {
            List<LoadReport.LoadedGraph> loaded = new ArrayList<>();
            for (Prepared p : prepared)
                loaded.addAll(apply(dsg, p));
            List<SourceError> violations = validate(dsg, prepared);
            if (!violations.isEmpty())
                throw new LoadException(violations);
            if (commit)
                dsg.commit();
            else
                dsg.abort();
            return new LoadReport(loaded, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException | Error e) {
            dsg.abort();
            throw e;
        } finally {
            dsg.end();
        }
    }

    private static Prepared prepare(Source source) {
        byte[] bytes = Sources.read(source.path(), source.name());
        String sha256 = sha256(bytes);
        if (source.review())
            return new Prepared(source, null, Utf8Text.decode(bytes, source.name()), sha256);
        var parsed = RdfSourceParser.parse(source.name(), source.path().toUri().toString(), bytes);
        parsed.data().listGraphNodes().forEachRemaining(g -> {
            if (g.getURI().startsWith(Iris.GRAPH_BASE))
                throw new LoadException(SourceError.of(source.name(),
                        "names the reserved graph <" + g.getURI() + ">: reelgraph chooses graph names itself"));
        });
        return new Prepared(source, parsed, null, sha256);
    }

    private List<LoadReport.LoadedGraph> apply(DatasetGraph dsg, Prepared p) {
        List<LoadReport.LoadedGraph> loaded = new ArrayList<>();
        if (p.source().review()) {
            Graph review = reviewGraph(dsg, p);
            loaded.add(replace(dsg, p, p.source().graph(), review));
            return loaded;
        }
        DatasetGraph data = p.rdf().data();
        loaded.add(replace(dsg, p, p.source().graph(), data.getDefaultGraph()));
        for (Iterator<Node> it = data.listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            loaded.add(replace(dsg, p, g, data.getGraph(g)));
        }
        return loaded;
    }

    private LoadReport.LoadedGraph replace(DatasetGraph dsg, Prepared p, Node graphName, Graph content) {
        dsg.deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
        content.find().forEachRemaining(t -> dsg.add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
        long triples = content.size();
        Provenance.record(dsg, graphName, p.source().name(), p.sha256(), clock.instant(), triples);
        return new LoadReport.LoadedGraph(p.source().name(), graphName.getURI(), triples);
    }

    private static Graph reviewGraph(DatasetGraph dsg, Prepared p) {
        Graph union = dsg.getUnionGraph();
        Map<String, Node> films = union.find(Node.ANY, RDF.type.asNode(), RG.Film).toList().stream()
                .map(Triple::getSubject).filter(Node::isURI)
                .flatMap(f -> Iris.slugOf(Kind.FILM, f.getURI()).map(s -> Map.entry(s, f)).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        String reviewSlug = Sources.slugOf(p.source().path());
        Set<String> slugs = films.keySet();
        String filmSlug = ReviewDocument.filmFor(reviewSlug, slugs).orElseThrow(() -> new LoadException(new SourceError(
                p.source().name(), 1, "cannot tell which film this review is of: start the file name with the film's slug,"
                        + " e.g. ballerina-2025-review.txt (known films: " + String.join(", ", slugs.stream().sorted().toList()) + ")")));
        Node film = films.get(filmSlug);
        String title = Labels.of(union, film).orElse(filmSlug);
        return ReviewDocument.graph(reviewSlug, film, title, p.text());
    }

    private List<SourceError> validate(DatasetGraph dsg, List<Prepared> prepared) {
        return shapes.validate(dsg.getUnionGraph()).stream().map(v -> locate(v, dsg, prepared)).distinct().toList();
    }

    /** Points a violation at the source line that stated the offending node. */
    private static SourceError locate(ShapesCheck.Violation v, DatasetGraph dsg, List<Prepared> prepared) {
        Graph union = dsg.getUnionGraph();
        String what = describe(v.focus(), union) + (v.predicate() == null ? "" : " " + shortForm(v.predicate()));
        String value = v.value() == null || v.value().equals(v.focus()) ? "" : " (found " + describe(v.value(), union) + ")";
        String message = what + ": " + v.message() + value;
        for (Prepared p : prepared) {
            if (p.rdf() != null && p.rdf().lines().mentions(v.focus()))
                return new SourceError(p.source().name(), p.rdf().lines().lineOf(v.focus(), v.predicate()), message);
            if (p.source().review() && dsg.contains(p.source().graph(), v.focus(), Node.ANY, Node.ANY))
                return new SourceError(p.source().name(), 1, message);
        }
        return SourceError.of("store", message);
    }

    /** A node as a person reads it; a blank node by what points to it ("the rg:performance of film:x"). */
    private static String describe(Node node, Graph union) {
        if (!node.isBlank())
            return shortForm(node);
        var parents = union.find(Node.ANY, Node.ANY, node).toList();
        if (parents.isEmpty())
            return "a blank node";
        Triple parent = parents.get(0);
        return "the " + shortForm(parent.getPredicate()) + " [ ] of " + describe(parent.getSubject(), union);
    }

    private static final PrefixMap PREFIXES = PrefixMapFactory.unmodifiablePrefixMap(PrefixMapFactory.create(Prefixes.STANDARD));

    private static String shortForm(Node node) {
        return NodeFmtLib.str(node, PREFIXES);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
