package org.reelgraph.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.ParserProfileWrapper;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Prefixes;

/**
 * Loads RDF files into an empty store, streaming: each file is parsed straight into a sink
 * ({@link ReaderRIOT} → {@link StreamRDF}), never held in memory. An on-disk TDB2 store is built by
 * {@link Tdb2Builder} (node table on a second thread, every index sorted and packed, checked and given
 * provenance before it replaces the empty storage); other stores, or a TDB2 loader named explicitly, go
 * through TDB2's own bulk loaders. Graphs as in {@link Loader}: a file's triples go to its graph, quads keep
 * theirs unless reserved. SHACL runs alongside in chunks ({@link StreamedShapes}); what they leave open is
 * checked on the loaded data while the store is held by this process alone; any syntax error, reserved
 * graph or violation leaves the store empty and is reported as {@code file:line: message}.
 */
public final class BulkLoader {
    /** Below this much input Jena's light loader wins (no thread start-up, no second pass over the indexes). */
    static final long LIGHT_BELOW_BYTES = 16L << 20;
    /** At most this many violations are located in the files and reported. */
    private static final int MAX_REPORTED = 100;
    private static final long PROGRESS_EVERY = 1 << 16;
    /** Triples per in-memory SHACL chunk (see {@link StreamedShapes}). */
    static final long SHACL_CHUNK = 200_000;

    private final Store store;
    private final ShapesCheck shapes;
    private final Clock clock;
    private final LoadProgress progress;
    private final String loaderOverride;

    public BulkLoader(Store store, ShapesCheck shapes, Clock clock, LoadProgress progress) {
        this(store, shapes, clock, progress, null);
    }

    /** {@code loader}: a TDB2 loader by name ({@code phased}, {@code parallel}, {@code light}), null to choose by size. */
    public BulkLoader(Store store, ShapesCheck shapes, Clock clock, LoadProgress progress, String loader) {
        this.store = store;
        this.shapes = shapes;
        this.clock = clock;
        this.progress = progress;
        this.loaderOverride = loader;
    }

    /** Whether {@link #load} applies: a bulk-loadable empty store and RDF files only (reviews need the transactional path). */
    public static boolean applies(Store store, List<Source> sources) {
        return !sources.isEmpty() && sources.stream().allMatch(s -> !s.review() && s.path() != null && s.content() == null)
                && store.supportsBulkLoad() && store.isEmpty();
    }

    /**
     * The TDB2 loader for this much input on this many cores. Measured on 2 busy cores (BENCHMARKS.md):
     * light below 16 MiB; phased above, as the parallel loader's five threads then compete for two
     * cores; parallel from 4 cores on.
     */
    static String chooseLoader(long bytes, int cores) {
        if (bytes < LIGHT_BELOW_BYTES)
            return "light";
        return cores >= 4 ? "parallel" : "phased";
    }

    /** What one source put into one graph. */
    private record Counted(Source source, Node graph, long[] triples) {}

    /** Loads, validates and records provenance, or throws {@link LoadException} and leaves the store empty. */
    public LoadReport load(List<Source> sources) {
        long start = System.nanoTime();
        for (Source s : sources) {
            Lang lang = RDFLanguages.filenameToLang(s.name());
            if (lang == null || !RDFParserRegistry.isRegistered(lang))
                throw new LoadException(SourceError.of(s.name(), "unknown RDF format: name the file .ttl, .nt, .nq, .trig, .jsonld or .rdf"));
        }
        long totalBytes = 0;
        for (Source s : sources)
            totalBytes += size(s);
        String loader = loaderOverride != null ? loaderOverride : chooseLoader(totalBytes, Runtime.getRuntime().availableProcessors());
        Map<Node, Counted> graphs = new LinkedHashMap<>();
        Map<Source, String> digests = new HashMap<>();
        progress.start(totalBytes);
        StreamedShapes checked = new StreamedShapes(shapes, SHACL_CHUNK);
        if (loaderOverride == null && Tdb2Builder.supports(store.storage()))
            return build(sources, graphs, digests, checked, start);
        try {
            store.bulkLoad(null, loader, out -> {
                Streamed streamed = new Streamed(out, graphs, checked::add);
                for (Source s : sources)
                    digests.put(s, parse(s, streamed));
                progress.advance(streamed.triples, streamed.bytesBefore);
                progress.phase("parsed", "building indexes (TDB2 " + loader + " loader)");
            });
            progress.phase("indexes built", "checking SHACL shapes (what the in-memory chunks left open)");
            Set<Node> suspects = checked.finish();
            List<SourceError> violations = suspects.isEmpty() ? List.of()
                    : validate(store.dataset(), sources, graphs.keySet(), checked.overflow() ? null : suspects);
            if (!violations.isEmpty())
                throw new LoadException(violations);
            List<LoadReport.LoadedGraph> loaded = record(store.dataset(), graphs, digests);
            progress.finish("checked");
            return new LoadReport(loaded, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException | Error e) {
            // The store was empty: make it so again (TDB2's bulk loaders cannot roll back).
            store.write(() -> store.dataset().clear());
            throw e;
        }
    }

    /**
     * The same load through {@link Tdb2Builder}: parsed here (UTF-8 check, SHA-256, SHACL chunks) while
     * a second thread fills the node table; indexes sorted and packed; checked and given provenance
     * in the new storage before it replaces the empty one. On any failure the store stays as it was.
     */
    private LoadReport build(List<Source> sources, Map<Node, Counted> graphs, Map<Source, String> digests, StreamedShapes streamedShapes, long start) {
        try (Tdb2Builder builder = Tdb2Builder.forEmpty(store.storage());
             BackgroundShapes checked = new BackgroundShapes(streamedShapes)) {
            StreamRDF into = new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    builder.add(quad);
                }
            };
            Streamed streamed = new Streamed(into, graphs, checked::add);
            for (Source s : sources)
                digests.put(s, parse(s, streamed));
            progress.advance(streamed.triples, streamed.bytesBefore);
            progress.phase("parsed", "building indexes (sorted and packed)");
            builder.build();
            progress.phase("indexes built", "checking SHACL shapes (what the in-memory chunks left open)");
            Set<Node> suspects = checked.finish();
            List<SourceError> violations = suspects.isEmpty() ? List.of()
                    : validate(builder.dataset(), sources, graphs.keySet(), checked.overflow() ? null : suspects);
            if (!violations.isEmpty())
                throw new LoadException(violations);
            List<LoadReport.LoadedGraph> loaded = record(builder.dataset(), graphs, digests);
            builder.install();
            progress.finish("checked");
            return new LoadReport(loaded, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Provenance per graph, in one write transaction on {@code dsg}; what was loaded. */
    private List<LoadReport.LoadedGraph> record(DatasetGraph dsg, Map<Node, Counted> graphs, Map<Source, String> digests) {
        List<LoadReport.LoadedGraph> loaded = new ArrayList<>();
        Txn.executeWrite(dsg, () -> {
            for (Counted c : graphs.values()) {
                // One graph: the store's count, duplicates once (as the transactional path counts).
                long triples = graphs.size() == 1 ? dsg.getGraph(c.graph()).size() : c.triples()[0];
                Provenance.record(dsg, c.graph(), c.source().name(), digests.get(c.source()), clock.instant(), triples, Provenance.VERSION);
                loaded.add(new LoadReport.LoadedGraph(c.source().name(), c.graph().getURI(), triples));
            }
        });
        return loaded;
    }

    private static long size(Source s) {
        try {
            return Files.size(s.path());
        } catch (IOException e) {
            throw new LoadException(SourceError.of(s.name(), "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage()));
        }
    }

    /** Where the parser sends statements: into the loader, to their graphs, counted, with progress. */
    private final class Streamed extends StreamRDFBase {
        private final StreamRDF out;
        private final Map<Node, Counted> graphs;
        private final java.util.function.Consumer<Triple> checked;
        private Source source;
        private LineProfile lines;
        private Counted current;
        private BoundedInputStream in;
        private long bytesBefore;
        private long triples;

        Streamed(StreamRDF out, Map<Node, Counted> graphs, java.util.function.Consumer<Triple> checked) {
            this.out = out;
            this.graphs = graphs;
            this.checked = checked;
        }

        void begin(Source s, LineProfile lineProfile, BoundedInputStream input) {
            source = s;
            lines = lineProfile;
            in = input;
            current = graphs.computeIfAbsent(s.graph(), g -> new Counted(s, g, new long[1]));
        }

        void end() {
            bytesBefore += in.getCount();
        }

        @Override
        public void triple(Triple t) {
            out.quad(Quad.create(current.graph(), t));
            checked.accept(t);
            counted(current);
        }

        @Override
        public void quad(Quad q) {
            if (q.isDefaultGraph() || q.getGraph() == null) {
                triple(q.asTriple());
                return;
            }
            Node g = q.getGraph();
            if (g.isURI() && g.getURI().startsWith(Iris.GRAPH_BASE))
                throw new LoadException(new SourceError(source.name(), lines.line,
                        "names the reserved graph <" + g.getURI() + ">: reelgraph chooses graph names itself"));
            Counted c = graphs.get(g);
            if (c == null) {
                if (!g.isURI())
                    throw new LoadException(new SourceError(source.name(), lines.line, "a graph name must be an IRI"));
                c = new Counted(source, g, new long[1]);
                graphs.put(g, c);
            }
            out.quad(q);
            checked.accept(q.asTriple());
            counted(c);
        }

        private void counted(Counted c) {
            c.triples()[0]++;
            if (++triples % PROGRESS_EVERY == 0)
                progress.advance(triples, bytesBefore + in.getCount());
        }
    }

    /** Parses one file into {@code sink}; its SHA-256. */
    private String parse(Source s, Streamed sink) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Lang lang = RDFLanguages.filenameToLang(s.name());
        String base = s.path().toUri().toString();
        Errors errors = new Errors(s.name());
        LineProfile lines = new LineProfile(RiotLib.profile(lang, base, errors), Set.of());
        errors.lines = lines;
        LocalJsonLd.install();
        try (BoundedInputStream counting = BoundedInputStream.builder().setInputStream(Files.newInputStream(s.path())).get();
             Reader reader = new StrictUtf8Reader(new DigestInputStream(counting, sha), s.name())) {
            sink.begin(s, lines, counting);
            // RIOT reads to the end (and closes the input), so the digest covers every byte.
            read(lang, lines, reader, base, sink, errors);
            sink.end();
        } catch (IOException e) {
            throw new LoadException(new SourceError(s.name(), lines.line, "cannot read: " + e.getMessage()));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void read(Lang lang, ParserProfile profile, Reader reader, String base, StreamRDF sink, Errors errors) {
        ReaderRIOT riot = RDFParserRegistry.getFactory(lang).create(lang, profile);
        try {
            riot.read(reader, base, lang.getContentType(), sink, RIOT.getContext().copy());
        } catch (LoadException e) {
            throw e;
        } catch (RiotParseException e) {
            throw errors.error(e.getLine(), e.getMessage());
        } catch (StackOverflowError e) {
            throw errors.error(0, "nesting is too deep to parse");
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause())
                if (t instanceof LoadException le)
                    throw le;
            throw errors.error(errors.lines.line, "cannot parse: " + (e.getMessage() == null ? "the parser stopped here" : e.getMessage()));
        }
    }

    /** Every parser complaint, warnings included (an ill-formed {@code xsd:date} is only a warning to RIOT), stops the load. */
    private static final class Errors implements ErrorHandler {
        private final String source;
        private LineProfile lines;

        Errors(String source) {
            this.source = source;
        }

        LoadException error(long line, String message) {
            return new LoadException(new SourceError(source, line, message));
        }

        @Override
        public void warning(String message, long line, long col) {
            throw error(line, message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw error(line, message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw error(line, message);
        }
    }

    /** Tracks the line of the statement being made; records the first line of each subject in {@code wanted}. */
    private static final class LineProfile extends ParserProfileWrapper {
        private final Set<Node> wanted;
        private final SourceLines found = new SourceLines();
        private long line;

        LineProfile(ParserProfile profile, Set<Node> wanted) {
            super(profile);
            this.wanted = wanted;
        }

        @Override
        public Triple createTriple(Node subject, Node predicate, Node object, long line, long col) {
            seen(subject, predicate, line);
            return super.createTriple(subject, predicate, object, line, col);
        }

        @Override
        public Quad createQuad(Node graph, Node subject, Node predicate, Node object, long line, long col) {
            seen(subject, predicate, line);
            return super.createQuad(graph, subject, predicate, object, line, col);
        }

        private void seen(Node subject, Node predicate, long at) {
            line = at;
            if (!wanted.isEmpty() && wanted.contains(subject))
                found.record(subject, predicate, at);
        }
    }

    /**
     * SHACL on the loaded store for the {@code suspects} (all focus nodes when null); violations located
     * by reading the files again (only when there are any).
     */
    private List<SourceError> validate(DatasetGraph dsg, List<Source> sources, Set<Node> loadedGraphs, Set<Node> suspects) {
        record Found(ShapesCheck.Violation violation, String message) {}
        List<Found> found = Txn.calculateRead(dsg, () -> {
            Graph data = loadedGraphs.size() == 1 ? dsg.getGraph(loadedGraphs.iterator().next()) : dsg.getUnionGraph();
            List<ShapesCheck.Violation> violations = suspects == null ? shapes.validate(data)
                    : shapes.validate(data, suspects);
            Graph union = dsg.getUnionGraph();
            return violations.stream().limit(MAX_REPORTED).map(v -> new Found(v, message(v, union))).toList();
        });
        if (found.isEmpty())
            return List.of();
        Set<Node> focus = new LinkedHashSet<>();
        found.forEach(f -> focus.add(f.violation().focus()));
        Map<Source, SourceLines> lines = new LinkedHashMap<>();
        for (Source s : sources)
            lines.put(s, linesOf(s, focus));
        List<SourceError> errors = new ArrayList<>();
        for (Found f : found) {
            SourceError located = SourceError.of("store", f.message());
            for (var e : lines.entrySet()) {
                if (e.getValue().mentions(f.violation().focus())) {
                    located = new SourceError(e.getKey().name(), e.getValue().lineOf(f.violation().focus(), f.violation().predicate()), f.message());
                    break;
                }
            }
            if (!errors.contains(located))
                errors.add(located);
        }
        return errors;
    }

    /** The lines on which the subjects in {@code focus} are stated in one source. */
    private static SourceLines linesOf(Source s, Set<Node> focus) {
        Lang lang = RDFLanguages.filenameToLang(s.name());
        String base = s.path().toUri().toString();
        Errors errors = new Errors(s.name());
        LineProfile lines = new LineProfile(RiotLib.profile(lang, base, errors), focus);
        errors.lines = lines;
        try (Reader reader = new StrictUtf8Reader(Files.newInputStream(s.path()), s.name())) {
            read(lang, lines, reader, base, new StreamRDFBase(), errors);
        } catch (IOException e) {
            throw new LoadException(SourceError.of(s.name(), "cannot read: " + e.getMessage()));
        }
        return lines.found;
    }

    private static final PrefixMap PREFIXES = PrefixMapFactory.unmodifiablePrefixMap(PrefixMapFactory.create(Prefixes.STANDARD));

    private static String message(ShapesCheck.Violation v, Graph union) {
        String what = describe(v.focus(), union) + (v.predicate() == null ? "" : " " + NodeFmtLib.str(v.predicate(), PREFIXES));
        String value = v.value() == null || v.value().equals(v.focus()) ? "" : " (found " + describe(v.value(), union) + ")";
        return what + ": " + v.message() + value;
    }

    /** A node as a person reads it; a blank node by what points to it. */
    private static String describe(Node node, Graph union) {
        if (!node.isBlank())
            return NodeFmtLib.str(node, PREFIXES);
        var parents = union.find(Node.ANY, Node.ANY, node);
        try {
            if (!parents.hasNext())
                return "a blank node";
            Triple parent = parents.next();
            return "the " + NodeFmtLib.str(parent.getPredicate(), PREFIXES) + " [ ] of " + describe(parent.getSubject(), union);
        } finally {
            parents.close();
        }
    }

}
