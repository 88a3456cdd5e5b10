package org.reelgraph.chronology;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.reelgraph.catalog.FilmCatalog;
import org.reelgraph.catalog.FranchiseRef;

/** Chronology of a franchise from the current store: reads the films and edges, then orders them. */
public final class ChronologyService {

    /**
     * The JSON shape of DESIGN.md section 6, plus {@code sources} (the graphs the order was limited to;
     * empty = all) and {@code dropped} (edges left out by {@code onConflict=skip-weakest}).
     */
    public record Answer(FranchiseRef franchise, String order, List<ChronologyResult.Entry> entries,
                         List<ChronologyResult.Conflict> conflicts, List<String> sources, List<PlacementEdge> dropped) {
        public boolean hasConflicts() {
            return !conflicts.isEmpty();
        }
    }

    /**
     * How to order: {@code sources} limits the placement edges to those graphs (empty = every graph);
     * {@code allKinds} adds short films and TV series to the feature films.
     */
    public record Request(String franchiseSlug, Order order, Chronology.OnConflict onConflict, Set<String> sources, boolean allKinds) {
        public Request(String franchiseSlug, Order order) {
            this(franchiseSlug, order, Chronology.OnConflict.REPORT, Set.of(), false);
        }
    }

    private final FilmCatalog catalog;

    public ChronologyService(FilmCatalog catalog) {
        this.catalog = catalog;
    }

    /** Empty when no franchise has this slug. */
    public Optional<Answer> chronology(String franchiseSlug, Order order) {
        return chronology(new Request(franchiseSlug, order));
    }

    /** Story and release order from one read of the franchise (what the published graph holds). */
    public Optional<List<Answer>> bothOrders(String franchiseSlug) {
        return catalog.chronologyInput(franchiseSlug, false).map(ChronologyService::bothOrders);
    }

    /** Story and release order of one franchise's films and edges. */
    public static List<Answer> bothOrders(FilmCatalog.ChronologyInput input) {
        return Arrays.stream(Order.values()).map(order -> {
            ChronologyResult result = Chronology.order(input.films(), input.edges(), order);
            return new Answer(input.franchise(), order.id(), result.entries(), result.conflicts(), List.of(), result.dropped());
        }).toList();
    }

    public Optional<Answer> chronology(Request request) {
        return catalog.chronologyInput(request.franchiseSlug(), request.allKinds()).map(input -> {
            List<PlacementEdge> edges = request.sources().isEmpty() ? input.edges()
                    : input.edges().stream().filter(e -> request.sources().contains(e.graph())).toList();
            ChronologyResult result = Chronology.order(input.films(), edges, request.order(), request.onConflict());
            return new Answer(input.franchise(), request.order().id(), result.entries(), result.conflicts(),
                    request.sources().stream().sorted().toList(), result.dropped());
        });
    }
}
