package org.reelgraph.chronology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChronologyTest {
    private static final FilmNode JW1 = film("jw1", "John Wick", "2014-10-24");
    private static final FilmNode JW2 = film("jw2", "John Wick: Chapter 2", "2017-02-10");
    private static final FilmNode JW3 = film("jw3", "John Wick: Chapter 3 – Parabellum", "2019-05-17");
    private static final FilmNode JW4 = film("jw4", "John Wick: Chapter 4", "2023-03-24");
    private static final FilmNode BAL = film("bal", "From the World of John Wick: Ballerina", "2025-06-06");
    private static final List<FilmNode> JOHN_WICK = List.of(BAL, JW4, JW2, JW1, JW3);
    private static final List<PlacementEdge> JOHN_WICK_EDGES = List.of(
            after("jw2", "jw1"), after("jw3", "jw2"), after("jw4", "jw3"),
            after("bal", "jw3"), new PlacementEdge("bal", PlacementEdge.SET_BEFORE, "jw4", "g:data"));

    @Test
    void storyOrderPlacesBallerinaBetweenChapterThreeAndFour() {
        var result = Chronology.order(JOHN_WICK, JOHN_WICK_EDGES, Order.STORY);
        assertFalse(result.hasConflicts());
        assertEquals(List.of("jw1", "jw2", "jw3", "bal", "jw4"), ids(result));
        assertEquals(List.of(1, 2, 3, 4, 5), result.entries().stream().map(ChronologyResult.Entry::position).toList());
    }

    @Test
    void releaseOrderPutsBallerinaLast() {
        var result = Chronology.order(JOHN_WICK, JOHN_WICK_EDGES, Order.RELEASE);
        assertEquals(List.of("jw1", "jw2", "jw3", "jw4", "bal"), ids(result));
    }

    @Test
    void withoutTheSetBeforeEdgeBallerinaFallsBackToItsReleaseDate() {
        List<PlacementEdge> edges = new ArrayList<>(JOHN_WICK_EDGES.subList(0, 4));
        var result = Chronology.order(JOHN_WICK, edges, Order.STORY);
        // Ballerina is free after Chapter 3 together with Chapter 4; Chapter 4 was released first.
        assertEquals(List.of("jw1", "jw2", "jw3", "jw4", "bal"), ids(result));
    }

    @Test
    void filmsWithoutEdgesArePlacedByReleaseDateAndMarkedSo() {
        FilmNode shortFilm = film("short", "A Short", "2018-01-01");
        var films = new ArrayList<>(JOHN_WICK);
        films.add(shortFilm);
        var result = Chronology.order(films, JOHN_WICK_EDGES, Order.STORY);
        assertEquals(List.of("jw1", "jw2", "short", "jw3", "bal", "jw4"), ids(result));
        assertEquals(ChronologyResult.RELEASE_DATE, result.entries().get(2).placement());
        assertEquals(ChronologyResult.STATED, result.entries().get(0).placement());
    }

    @Test
    void sameReleaseDateIsBrokenByTitle() {
        FilmNode b = film("b", "Beta", "2020-01-01");
        FilmNode a = film("a", "Alpha", "2020-01-01");
        assertEquals(List.of("a", "b"), ids(Chronology.order(List.of(b, a), List.of(), Order.STORY)));
        assertEquals(List.of("a", "b"), ids(Chronology.order(List.of(b, a), List.of(), Order.RELEASE)));
    }

    @Test
    void cycleIsAConflictNamingItsFilmsAndTheGraphOfEveryEdge() {
        List<PlacementEdge> edges = new ArrayList<>(JOHN_WICK_EDGES);
        edges.add(new PlacementEdge("jw1", PlacementEdge.SET_AFTER, "jw2", "g:test"));
        var result = Chronology.order(JOHN_WICK, edges, Order.STORY);
        assertTrue(result.hasConflicts());
        assertEquals(1, result.conflicts().size());
        var conflict = result.conflicts().get(0);
        assertEquals(List.of("jw1", "jw2"), conflict.films().stream().map(FilmNode::id).toList());
        assertEquals(List.of("g:data", "g:test"), conflict.edges().stream().map(PlacementEdge::graph).sorted().toList());
    }

    @Test
    void skipWeakestDropsTheWeakestPlacementNotAStatementAnotherSourceRepeats() {
        List<PlacementEdge> edges = new ArrayList<>(JOHN_WICK_EDGES);
        // A review repeats the curated "Ballerina after Chapter 3" (0.9) and wrongly puts Ballerina after Chapter 4 (0.95).
        edges.add(new PlacementEdge("bal", PlacementEdge.SET_AFTER, "jw3", "g:review", "set between", 0.9));
        edges.add(new PlacementEdge("bal", PlacementEdge.SET_AFTER, "jw4", "g:review", "after Chapter 4", 0.95));
        var result = Chronology.order(JOHN_WICK, edges, Order.STORY, Chronology.OnConflict.SKIP_WEAKEST);
        assertFalse(result.hasConflicts());
        assertEquals(List.of("jw1", "jw2", "jw3", "bal", "jw4"), ids(result));
        assertEquals(List.of("after Chapter 4"), result.dropped().stream().map(PlacementEdge::quote).toList());
    }

    @Test
    void aFilmSetAfterItselfIsAConflict() {
        var result = Chronology.order(List.of(JW1), List.of(after("jw1", "jw1")), Order.STORY);
        assertEquals(1, result.conflicts().size());
        assertEquals(List.of("jw1"), result.conflicts().get(0).films().stream().map(FilmNode::id).toList());
    }

    @Test
    void aLongCycleIsFoundWithoutRecursion() {
        List<FilmNode> films = new ArrayList<>();
        List<PlacementEdge> edges = new ArrayList<>();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            films.add(film("f" + i, "Film " + i, "2000-01-01"));
            edges.add(after("f" + ((i + 1) % n), "f" + i));
        }
        var result = Chronology.order(films, edges, Order.STORY);
        assertEquals(n, result.conflicts().get(0).films().size());
    }

    @Test
    void theSameEdgeFromTwoSourcesIsOneConstraint() {
        var edges = List.of(after("jw2", "jw1"), new PlacementEdge("jw2", PlacementEdge.SET_AFTER, "jw1", "g:other"));
        var result = Chronology.order(List.of(JW2, JW1), edges, Order.STORY);
        assertFalse(result.hasConflicts());
        assertEquals(List.of("jw1", "jw2"), ids(result));
    }

    @Test
    void edgesToFilmsOutsideTheFranchiseAreIgnored() {
        var result = Chronology.order(List.of(JW1), List.of(after("jw1", "elsewhere")), Order.STORY);
        assertEquals(List.of("jw1"), ids(result));
        assertEquals(ChronologyResult.RELEASE_DATE, result.entries().get(0).placement());
    }

    private static List<String> ids(ChronologyResult result) {
        return result.entries().stream().map(ChronologyResult.Entry::id).toList();
    }

    private static PlacementEdge after(String subject, String object) {
        return new PlacementEdge(subject, PlacementEdge.SET_AFTER, object, "g:data");
    }

    private static FilmNode film(String id, String title, String released) {
        return new FilmNode(id, id, title, LocalDate.parse(released));
    }
}
