package org.reelgraph.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.riot.system.StreamRDFLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reelgraph.chronology.ChronologyService;
import org.reelgraph.chronology.PlacementEdge;
import org.reelgraph.generate.SyntheticFranchises;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.Store;

/**
 * Every franchise read from the whole-store snapshot is what reading it alone gives: the project's data,
 * the seed review (placement edges with evidence) and a few hundred synthetic franchises.
 */
class ChronologySnapshotTest {
    private static Store store;

    @BeforeAll
    static void fill() {
        store = Store.inMemory();
        Sources sources = new Sources(Path.of("").toAbsolutePath());
        new Loader(store, ShapesCheck.of(sources), Clock.systemUTC()).load(sources.standard());
        // The generator writes quads into its own graph.
        store.write(() -> SyntheticFranchises.generate(60_000, 7, StreamRDFLib.dataset(store.dataset())));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyFranchiseReadsTheSameFromTheSnapshotAsAlone() {
        FilmCatalog catalog = new FilmCatalog(store);
        List<FilmCatalog.ChronologyInput> all = catalog.allChronologyInputs();
        List<String> slugs = catalog.franchises().stream().map(FranchiseSummary::slug).sorted().toList();
        assertTrue(slugs.size() > 100, "synthetic franchises loaded: " + slugs.size());
        assertEquals(slugs, all.stream().map(input -> input.franchise().slug()).toList());
        long edgesWithEvidence = 0;
        for (FilmCatalog.ChronologyInput fromSnapshot : all) {
            FilmCatalog.ChronologyInput alone = catalog.chronologyInput(fromSnapshot.franchise().slug(), false).orElseThrow();
            assertEquals(alone.franchise(), fromSnapshot.franchise());
            assertEquals(sorted(alone), sorted(fromSnapshot), fromSnapshot.franchise().slug());
            assertEquals(ChronologyService.bothOrders(alone), ChronologyService.bothOrders(fromSnapshot));
            edgesWithEvidence += fromSnapshot.edges().stream().filter(e -> e.quote() != null && e.confidence() < 1).count();
        }
        assertTrue(edgesWithEvidence > 0, "the seed review's placement carries its quote and confidence");
    }

    private static List<Object> sorted(FilmCatalog.ChronologyInput input) {
        return List.of(input.films().stream().sorted(Comparator.comparing(f -> f.id())).toList(),
                input.edges().stream().sorted(Comparator.comparing(PlacementEdge::subject).thenComparing(PlacementEdge::object)
                        .thenComparing(PlacementEdge::graph)).toList());
    }
}
