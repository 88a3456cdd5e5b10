package org.reelgraph.load;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.reelgraph.extract.Evidence;
import org.reelgraph.extract.Extraction;
import org.reelgraph.extract.ExtractionException;
import org.reelgraph.extract.FilmMention;
import org.reelgraph.extract.Gazetteer;
import org.reelgraph.extract.ReviewExtractor;
import org.reelgraph.extract.ReviewGraph;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Prefixes;

/**
 * Loads sources into their named graphs in one write transaction: each source replaces its graph
 * (idempotent), provenance goes to the meta graph, and the result is validated with SHACL before
 * commit. Any syntax or shape error aborts the whole transaction, so the store stays as it was.
 */
public final class Loader {
    private final Store store;
    private final ShapesCheck shapes;
    private final Clock clock;
    /** The extractor loads OpenNLP models (seconds): only when a review is loaded, and once. */
    private final Supplier<ReviewExtractor> extractor = memoize(ReviewExtractor::withDefaultRules);

    public Loader(Store store, ShapesCheck shapes, Clock clock) {
        this.store = store;
        this.shapes = shapes;
        this.clock = clock;
    }

    /** The extractor this loader reads reviews with. */
    public ReviewExtractor extractor() {
        return extractor.get();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null)
                    value = supplier.get();
                return value;
            }
        };
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
            WriteFocus focus = new WriteFocus();
            for (Prepared p : prepared)
                loaded.addAll(apply(dsg, p, focus));
            List<SourceError> violations = validate(dsg, prepared, focus);
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
        byte[] bytes = source.bytes();
        String sha256 = DigestUtils.sha256Hex(bytes);
        if (source.review())
            return new Prepared(source, null, Utf8Text.decode(bytes, source.name()), sha256);
        var parsed = RdfSourceParser.parse(source.name(), source.path() == null ? "urn:reelgraph:input" : source.path().toUri().toString(), bytes);
        parsed.data().listGraphNodes().forEachRemaining(g -> {
            if (g.getURI().startsWith(Iris.GRAPH_BASE))
                throw new LoadException(SourceError.of(source.name(),
                        "names the reserved graph <" + g.getURI() + ">: reelgraph chooses graph names itself"));
        });
        return new Prepared(source, parsed, null, sha256);
    }

    private List<LoadReport.LoadedGraph> apply(DatasetGraph dsg, Prepared p, WriteFocus focus) {
        List<LoadReport.LoadedGraph> loaded = new ArrayList<>();
        if (p.source().review()) {
            Graph before = copyOf(dsg, p.source().graph());
            // The old version of this review must not act as a gazetteer for the new one.
            dsg.deleteAny(p.source().graph(), Node.ANY, Node.ANY, Node.ANY);
            Graph review = reviewGraph(dsg, p);
            loaded.add(replace(dsg, p, p.source().graph(), before, review, focus));
            return loaded;
        }
        DatasetGraph data = p.rdf().data();
        loaded.add(replace(dsg, p, p.source().graph(), copyOf(dsg, p.source().graph()), data.getDefaultGraph(), focus));
        for (Iterator<Node> it = data.listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            loaded.add(replace(dsg, p, g, copyOf(dsg, g), data.getGraph(g), focus));
        }
        return loaded;
    }

    /** A graph's statements in memory (what a replace removes, to compare with what it writes). */
    private static Graph copyOf(DatasetGraph dsg, Node graphName) {
        Graph copy = GraphFactory.createGraphMem();
        dsg.find(graphName, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> copy.add(q.asTriple()));
        return copy;
    }

    private LoadReport.LoadedGraph replace(DatasetGraph dsg, Prepared p, Node graphName, Graph before, Graph content, WriteFocus focus) {
        dsg.deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
        content.find().forEachRemaining(t -> dsg.add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
        focus.replaced(before, content);
        focus.touched(graphName);
        long triples = content.size();
        Provenance.record(dsg, graphName, p.source().name(), p.sha256(), clock.instant(), triples,
                p.source().review() ? ReviewExtractor.VERSION : Provenance.VERSION);
        return new LoadReport.LoadedGraph(p.source().name(), graphName.getURI(), triples);
    }

    /** The review graph: the text's statements about its film, with evidence, resolved against the store. */
    private Graph reviewGraph(DatasetGraph dsg, Prepared p) {
        Extraction extraction;
        try {
            extraction = extractor.get().extract(p.text(), Gazetteer.fromGraph(dsg.getUnionGraph()));
        } catch (ExtractionException e) {
            throw new LoadException(new SourceError(p.source().name(), 1, e.getMessage()));
        }
        FilmMention film = extraction.film();
        if (!film.inGraph())
            throw new LoadException(new SourceError(p.source().name(), lineOf(p.text(), film.evidence()),
                    "this reviews '" + film.title() + "'" + (film.year() == null ? "" : " (" + film.year() + ")")
                            + ", which is not in the graph: add the film with its release date to data/ first"));
        return ReviewGraph.build(extraction, Iris.reviewSlug(p.source().graph()), p.text());
    }

    private static long lineOf(String text, Evidence evidence) {
        return evidence == null ? 1 : text.substring(0, evidence.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    /** SHACL on the nodes the write can have changed the result for, read through the store as the write leaves it. */
    private List<SourceError> validate(DatasetGraph dsg, List<Prepared> prepared, WriteFocus focus) {
        Graph union = dsg.getUnionGraph();
        Set<Node> nodes = focus.nodes(union);
        store.readAhead(focus.read(nodes));
        return shapes.validate(union, nodes).stream().map(v -> locate(v, dsg, prepared)).distinct().toList();
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

}
