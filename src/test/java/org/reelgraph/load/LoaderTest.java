package org.reelgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.reelgraph.testing.Isomorphic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.RG;

class LoaderTest {
    private static final String PREFIXES = """
            @prefix rg: <https://w3id.org/reelgraph/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix film: <https://w3id.org/reelgraph/id/film/> .
            @prefix franchise: <https://w3id.org/reelgraph/id/franchise/> .
            """;

    @TempDir
    Path tmp;

    private final Sources sources = new Sources(Path.of("").toAbsolutePath());
    private Store store;
    private Loader loader;

    @BeforeEach
    void loadProject() {
        store = Store.inMemory();
        loader = new Loader(store, ShapesCheck.of(sources), Clock.systemUTC());
        loader.load(sources.standard());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachSourceGoesToItsOwnGraphWithProvenance() {
        store.read(() -> {
            DatasetGraph dsg = store.dataset();
            assertTrue(dsg.containsGraph(Iris.ONTOLOGY_GRAPH));
            assertTrue(dsg.contains(Iris.dataGraph("john-wick"), node("id/film/ballerina-2025"), RG.directedBy, node("id/person/len-wiseman")));
            Node review = node("id/review/ballerina-2025-review");
            assertTrue(dsg.contains(Iris.reviewGraph("ballerina-2025-review"), review, RG.reviewOf, node("id/film/ballerina-2025")));
            String text = dsg.find(Node.ANY, review, RG.text, Node.ANY).next().getObject().getLiteralLexicalForm();
            assertTrue(text.startsWith("Assassin films featuring women") && text.endsWith("Lionsgate via IMDb"), text);
            assertTrue(dsg.contains(Iris.META_GRAPH, Iris.dataGraph("john-wick"), RG.sha256, Node.ANY));
            return null;
        });
    }

    @Test
    void reloadingTheSameSourcesChangesNothingButLoadTimes() {
        DatasetGraph before = snapshotWithoutMeta();
        loader.load(sources.standard());
        assertTrue(Isomorphic.datasets(before, snapshotWithoutMeta()));
    }

    @Test
    void brokenTurtleGivesFileAndLineAndLeavesTheStoreAsItWas() throws IOException {
        Path bad = write("broken.ttl", PREFIXES + "\nfilm:x a rg:Film ;\n    rdfs:label \"X\"@en\n    rg:releaseDate \"2020-01-01\"^^xsd:date .\n");
        DatasetGraph before = snapshot();
        LoadException e = assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(bad))));
        SourceError error = e.errors().get(0);
        assertEquals(bad.toString(), error.source());
        assertEquals(9, error.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(bad + ":9: "), e.getMessage());
        assertTrue(Isomorphic.datasets(before, snapshot()), "store changed");
    }

    @Test
    void shaclViolationGivesTheLineOfTheOffendingStatementAndChangesNothing() throws IOException {
        Path invalid = write("invalid.ttl", PREFIXES + """

                film:nameless-2020 a rg:Film ;
                    rdfs:label "Nameless"@en ;
                    rg:partOfFranchise franchise:john-wick ;
                    rg:releaseDate "2020"^^xsd:gYear .
                """);
        DatasetGraph before = snapshot();
        LoadException e = assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(invalid))));
        assertEquals(1, e.errors().size(), e.getMessage());
        SourceError error = e.errors().get(0);
        assertEquals(10, error.line(), e.getMessage());
        assertTrue(error.message().contains("rg:releaseDate"), error.message());
        assertTrue(Isomorphic.datasets(before, snapshot()), "store changed");
    }

    @Test
    void aViolationOnABlankNodeNamesWhatPointsToItAndItsLine() throws IOException {
        Path invalid = write("performance.ttl", PREFIXES + """
                @prefix person: <https://w3id.org/reelgraph/id/person/> .

                film:ballerina-2025 rg:performance [
                    a rg:Performance ;
                    rg:actor person:keanu-reeves , person:ian-mcshane ;
                    rg:character <https://w3id.org/reelgraph/id/character/john-wick> ] .
                """);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(invalid))));
        assertEquals(1, e.errors().size(), e.getMessage());
        SourceError error = e.errors().get(0);
        assertEquals(10, error.line(), e.getMessage());
        assertTrue(error.message().startsWith("the rg:performance [ ] of film:ballerina-2025 rg:actor: "), error.message());
    }

    @Test
    void placementEdgesMustJoinFilms() throws IOException {
        Path invalid = write("placement.ttl", PREFIXES + "\nfilm:ballerina-2025 rg:setAfter franchise:john-wick .\n");
        LoadException e = assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(invalid))));
        assertTrue(e.errors().stream().anyMatch(err -> err.line() == 7 && err.message().contains("rg:setAfter")), e.getMessage());
    }

    /** A write is validated on what it changes, and a type it takes away changes what points at the node from other graphs. */
    @Test
    void aTypeRemovedInOneGraphBreaksWhatPointsAtItFromAnother() throws IOException {
        Path people = write("people.ttl", PREFIXES + "@prefix person: <https://w3id.org/reelgraph/id/person/> .\n"
                + "person:zed a rg:Person ; rdfs:label \"Zed\"@en .\n");
        Path film = write("zed-film.ttl", PREFIXES + "@prefix person: <https://w3id.org/reelgraph/id/person/> .\n"
                + "film:zed-film-2020 a rg:Film ; rdfs:label \"Zed Film\"@en ; rg:releaseDate \"2020-01-01\"^^xsd:date ;\n"
                + "    rg:directedBy person:zed .\n");
        loader.load(sources.of(List.of(people, film)));
        write("people.ttl", PREFIXES + "@prefix person: <https://w3id.org/reelgraph/id/person/> .\n"
                + "person:zed rdfs:label \"Zed\"@en .\n");
        DatasetGraph before = snapshot();
        LoadException e = assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(people))));
        assertTrue(e.getMessage().contains("film:zed-film-2020 rg:directedBy"), e.getMessage());
        assertTrue(Isomorphic.datasets(before, snapshot()), "store changed");
    }

    /** rdfs:subClassOf taken away: the instances of the class lose a type, and what points at them is checked again. */
    @Test
    void aSubclassRemovedInOneGraphBreaksWhatPointsAtItsInstances() throws IOException {
        String ex = "@prefix ex: <https://example.org/> .\n";
        Path classes = write("classes.ttl", PREFIXES + ex + "ex:Feature rdfs:subClassOf rg:Film .\n");
        Path films = write("features.ttl", PREFIXES + ex
                + "film:base-2020 a ex:Feature ; rdfs:label \"Base\"@en ; rg:releaseDate \"2020-01-01\"^^xsd:date .\n"
                + "film:spin-2021 a rg:Film ; rdfs:label \"Spin\"@en ; rg:releaseDate \"2021-01-01\"^^xsd:date ;\n"
                + "    rg:spinOffOf film:base-2020 .\n");
        loader.load(sources.of(List.of(classes, films)));
        write("classes.ttl", PREFIXES + ex + "ex:Feature rdfs:label \"feature\"@en .\n");
        LoadException e = assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(classes))));
        assertTrue(e.getMessage().contains("film:spin-2021 rg:spinOffOf"), e.getMessage());
    }

    /** What a write does not touch is not its business: a violation already in another graph does not refuse it. */
    @Test
    void aValidWriteIsNotRefusedForAViolationInAGraphItDoesNotTouch() throws IOException {
        Node elsewhere = org.apache.jena.graph.NodeFactory.createURI("https://example.org/graph/written-around-the-loader");
        store.write(() -> store.dataset().add(elsewhere, node("id/film/unlabelled-2020"), org.apache.jena.vocabulary.RDF.type.asNode(), RG.Film));
        Path good = write("good.ttl", PREFIXES + "\nfilm:other-2020 a rg:Film ; rdfs:label \"Other\"@en ;"
                + " rg:partOfFranchise franchise:john-wick ; rg:releaseDate \"2020-01-01\"^^xsd:date .\n");
        loader.load(sources.of(List.of(good)));
        assertTrue(store.read(() -> store.dataset().contains(Node.ANY, node("id/film/other-2020"), RG.releaseDate, Node.ANY)));
    }

    @Test
    void aGoodFileAndABadFileTogetherLoadNothing() throws IOException {
        Path good = write("good.ttl", PREFIXES + "\nfilm:other-2020 a rg:Film ; rdfs:label \"Other\"@en ;"
                + " rg:partOfFranchise franchise:john-wick ; rg:releaseDate \"2020-01-01\"^^xsd:date .\n");
        Path bad = write("bad.ttl", PREFIXES + "\nfilm:x rg:releaseDate .\n");
        DatasetGraph before = snapshot();
        assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(good, bad))));
        assertTrue(Isomorphic.datasets(before, snapshot()), "store changed");
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() throws IOException {
        Path file = tmp.resolve("latin1.ttl");
        byte[] head = (PREFIXES + "film:x rdfs:label \"").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // 'é' in Latin-1
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = '.';
        bytes[head.length + 3] = '\n';
        Files.write(file, bytes);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(file))));
        assertEquals(6, e.errors().get(0).line());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void aReviewOfAnUnknownFilmIsRefused() throws IOException {
        Path review = write("unknown-film-1999-review.txt", "A review.\n");
        LoadException e = assertThrows(LoadException.class, () -> loader.load(sources.of(List.of(review))));
        assertTrue(e.getMessage().contains("no film is recognisable"), e.getMessage());
    }

    @Test
    void dryRunReportsAValidLoadAndWritesNothing() throws IOException {
        Path good = write("extra.ttl", PREFIXES + "\nfilm:extra-2021 a rg:Film ; rdfs:label \"Extra\"@en ;"
                + " rg:partOfFranchise franchise:john-wick ; rg:releaseDate \"2021-01-01\"^^xsd:date .\n");
        DatasetGraph before = snapshot();
        LoadReport report = loader.check(sources.of(List.of(good)));
        assertEquals(1, report.graphs().size());
        assertTrue(Isomorphic.datasets(before, snapshot()), "store changed");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private DatasetGraph snapshot() {
        return store.read(() -> {
            DatasetGraph copy = DatasetGraphFactory.create();
            store.dataset().find().forEachRemaining(copy::add);
            return copy;
        });
    }

    private DatasetGraph snapshotWithoutMeta() {
        DatasetGraph copy = snapshot();
        copy.removeGraph(Iris.META_GRAPH);
        return copy;
    }

    private static Node node(String path) {
        return org.apache.jena.graph.NodeFactory.createURI(Iris.BASE + path);
    }

}
