package org.reelgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.generate.SyntheticFranchises;
import org.reelgraph.store.Store;
import org.reelgraph.testing.Isomorphic;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.RG;

/** The bulk path of {@code load}: real TDB2 stores in a temp dir, small generated data. */
class BulkLoaderTest {
    private static final Sources SOURCES = new Sources(Path.of("").toAbsolutePath());
    private static ShapesCheck shapes;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readShapes() {
        shapes = ShapesCheck.of(SOURCES);
    }

    /** {@code triples} generated statements as N-Triples in {@code synthetic.nt} (graph data/synthetic). */
    private Path generated(long triples) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.create();
        SyntheticFranchises.generate(triples, 7, org.apache.jena.riot.system.StreamRDFLib.dataset(dsg));
        Path file = tmp.resolve("synthetic.nt");
        try (OutputStream out = Files.newOutputStream(file)) {
            RDFDataMgr.write(out, dsg.getGraph(SyntheticFranchises.GRAPH), Lang.NTRIPLES);
        }
        return file;
    }

    private LoadReport bulk(Store store, List<Path> files, LoadProgress progress) {
        List<Source> sources = SOURCES.of(files);
        assertTrue(BulkLoader.applies(store, sources));
        return new BulkLoader(store, shapes, Clock.systemUTC(), progress).load(sources);
    }

    /** Everything but the meta graph (load times differ), copied out of its transaction. */
    private static DatasetGraph withoutMeta(DatasetGraph dsg) {
        DatasetGraph copy = DatasetGraphFactory.create();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            if (!q.getGraph().equals(Iris.META_GRAPH))
                copy.add(q);
        }));
        return copy;
    }

    @Test
    void holdsTheSameQuadsAsJenasLoaderAndTheTransactionalPathAndQueriesAfterReopen() throws IOException {
        Path file = generated(10_000);
        Path bulkDir = tmp.resolve("bulk");
        LoadReport report;
        try (Store store = Store.tdb2(bulkDir)) {
            report = bulk(store, List.of(file), LoadProgress.quiet());
        }
        assertEquals(1, report.graphs().size());
        assertEquals(SyntheticFranchises.GRAPH.getURI(), report.graphs().get(0).graph());

        // Jena's own parser and phased loader, into the same graph.
        var jenaDsg = DatabaseMgr.connectDatasetGraph(tmp.resolve("jena").toString());
        DataLoader jena = LoaderFactory.phasedLoader(jenaDsg, SyntheticFranchises.GRAPH, (f, a) -> {});
        jena.startBulk();
        jena.load(file.toString());
        jena.finishBulk();
        DatasetGraph byJena = withoutMeta(jenaDsg);
        TDBInternal.expel(jenaDsg);

        DatasetGraph transactional;
        try (Store store = Store.tdb2(tmp.resolve("txn"))) {
            LoadReport txn = new Loader(store, shapes, Clock.systemUTC()).load(SOURCES.of(List.of(file)));
            assertEquals(txn.triples(), report.triples());
            transactional = withoutMeta(store.dataset());
        }

        try (Store store = Store.tdb2(bulkDir)) {
            DatasetGraph bulkLoaded = withoutMeta(store.dataset());
            assertEquals(byJena.stream().count(), bulkLoaded.stream().count());
            assertTrue(Isomorphic.datasets(byJena, bulkLoaded), "bulk load differs from Jena's loader");
            assertTrue(Isomorphic.datasets(transactional, bulkLoaded), "bulk load differs from the transactional path");
            long films = store.read(() -> {
                try (QueryExecution q = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.dataset()))
                        .query("PREFIX rg: <https://w3id.org/reelgraph/ontology#> SELECT (COUNT(*) AS ?n) { ?f a rg:Film ; rg:partOfFranchise ?x }")
                        .build()) {
                    return q.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertTrue(films > 0);
            assertEquals(films, transactional.getUnionGraph().find(Node.ANY, RG.partOfFranchise, Node.ANY)
                    .filterKeep(t -> transactional.getUnionGraph().contains(t.getSubject(), org.apache.jena.vocabulary.RDF.type.asNode(), RG.Film))
                    .toList().size());
            store.read(() -> {
                DatasetGraph dsg = store.dataset();
                assertTrue(dsg.contains(Iris.META_GRAPH, SyntheticFranchises.GRAPH, RG.sha256, Node.ANY));
                String count = dsg.stream(Iris.META_GRAPH, SyntheticFranchises.GRAPH, Node.ANY, Node.ANY)
                        .filter(q -> q.getPredicate().getURI().endsWith("void#triples")).findFirst().orElseThrow()
                        .getObject().getLiteralLexicalForm();
                assertEquals(Long.toString(report.triples()), count);
                return null;
            });
        }
    }

    @Test
    void aSyntaxErrorMidFileGivesFileAndLineAndLeavesTheStoreEmpty() throws IOException {
        Path file = generated(5_000);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int bad = 3_001;
        lines.set(bad - 1, "<https://w3id.org/reelgraph/id/film/x> <http://www.w3.org/2000/01/rdf-schema#label> .");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Path dir = tmp.resolve("db");
        try (Store store = Store.tdb2(dir)) {
            LoadException e = assertThrows(LoadException.class, () -> bulk(store, List.of(file), LoadProgress.quiet()));
            assertEquals(bad, e.errors().get(0).line(), e.getMessage());
            assertTrue(e.getMessage().startsWith(file + ":" + bad + ": "), e.getMessage());
            assertTrue(store.isEmpty());
            assertEquals(0, store.quadCount());
        }
        try (Store store = Store.tdb2(dir)) {
            assertEquals(0, store.quadCount(), "not empty after reopen");
        }
    }

    @Test
    void aShaclViolationGivesFileAndLineAndLeavesTheStoreEmpty() throws IOException {
        Path good = generated(5_000);
        Path invalid = tmp.resolve("invalid.ttl");
        Files.writeString(invalid, """
                @prefix rg: <https://w3id.org/reelgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix film: <https://w3id.org/reelgraph/id/film/> .

                film:nameless-2020 a rg:Film ;
                    rdfs:label "Nameless"@en ;
                    rg:releaseDate "2020"^^xsd:gYear .
                """);
        Path dir = tmp.resolve("db");
        try (Store store = Store.tdb2(dir)) {
            LoadException e = assertThrows(LoadException.class, () -> bulk(store, List.of(good, invalid), LoadProgress.quiet()));
            assertTrue(e.errors().stream().anyMatch(err -> err.source().equals(invalid.toString()) && err.line() == 8
                    && err.message().contains("rg:releaseDate")), e.getMessage());
            assertTrue(e.getMessage().contains(invalid + ":8: "), e.getMessage());
            assertEquals(0, store.quadCount());
        }
        try (Store store = Store.tdb2(dir)) {
            assertEquals(0, store.quadCount(), "not empty after reopen");
        }
    }

    @Test
    void quadsInAReservedGraphAreRefusedWithTheirLine() throws IOException {
        Path file = tmp.resolve("quads.nq");
        Files.writeString(file, """
                <https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "a" <https://example.org/g> .
                <https://example.org/b> <http://www.w3.org/2000/01/rdf-schema#label> "b" <https://w3id.org/reelgraph/graph/meta> .
                """);
        try (Store store = Store.tdb2(tmp.resolve("db"))) {
            LoadException e = assertThrows(LoadException.class, () -> bulk(store, List.of(file), LoadProgress.quiet()));
            assertTrue(e.getMessage().startsWith(file + ":2: names the reserved graph"), e.getMessage());
            assertEquals(0, store.quadCount());
        }
    }

    @Test
    void quadsKeepTheirGraphAndTriplesGoToTheFilesGraph() throws IOException {
        Path file = tmp.resolve("mixed.trig");
        Files.writeString(file, """
                <https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "a" .
                <https://example.org/g> { <https://example.org/b> <http://www.w3.org/2000/01/rdf-schema#label> "b" . }
                """);
        try (Store store = Store.tdb2(tmp.resolve("db"))) {
            LoadReport report = bulk(store, List.of(file), LoadProgress.quiet());
            assertEquals(2, report.graphs().size());
            store.read(() -> {
                DatasetGraph dsg = store.dataset();
                Node label = org.apache.jena.vocabulary.RDFS.label.asNode();
                assertTrue(dsg.contains(Iris.dataGraph("mixed"), org.apache.jena.graph.NodeFactory.createURI("https://example.org/a"), label, Node.ANY));
                assertTrue(dsg.contains(org.apache.jena.graph.NodeFactory.createURI("https://example.org/g"),
                        org.apache.jena.graph.NodeFactory.createURI("https://example.org/b"), label, Node.ANY));
                assertTrue(dsg.contains(Iris.META_GRAPH, org.apache.jena.graph.NodeFactory.createURI("https://example.org/g"), RG.sha256, Node.ANY));
                return null;
            });
        }
    }

    @Test
    void progressOffATerminalIsPlainLinesWithRate() throws IOException {
        Path file = generated(5_000);
        StringWriter text = new StringWriter();
        try (Store store = Store.tdb2(tmp.resolve("db"))) {
            bulk(store, List.of(file), new LoadProgress(new PrintWriter(text), false, 0));
        }
        String out = text.toString();
        assertFalse(out.contains("\r"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("load: [0-9,]+ triples, [0-9,]+ triples/s, 100% read, ETA 0:00")), out);
        assertTrue(out.contains("building indexes (sorted and packed)"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches(".*bulk load: [0-9,]+ triples in [0-9.]+ s \\([0-9,]+ triples/s\\)")), out);
    }

    @Test
    void theLoaderIsChosenBySize() {
        assertEquals("light", BulkLoader.chooseLoader(1 << 20, 2));
        assertEquals("phased", BulkLoader.chooseLoader(1L << 30, 2));
        assertEquals("parallel", BulkLoader.chooseLoader(1L << 30, 8));
    }

    @Test
    void whatAnInMemoryChunkCannotDecideIsLeftToTheStore() {
        Node film = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/reelgraph/id/film/split-2020");
        Node type = org.apache.jena.vocabulary.RDF.type.asNode();
        Node label = org.apache.jena.vocabulary.RDFS.label.asNode();
        StreamedShapes checked = new StreamedShapes(shapes, 1);
        checked.add(Triple.create(film, type, RG.Film));
        checked.add(Triple.create(org.apache.jena.graph.NodeFactory.createURI("https://example.org/other"), label,
                org.apache.jena.graph.NodeFactory.createLiteralString("x")));
        checked.add(Triple.create(film, label, org.apache.jena.graph.NodeFactory.createLiteralLang("Split", "en")));
        // The film's statements are in two chunks: the first alone violates its shape, and the subject is split.
        assertTrue(checked.finish().contains(film));
    }
}
