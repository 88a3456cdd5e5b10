package org.reelgraph.chronology;

import java.util.List;
import java.util.Optional;

import org.reelgraph.catalog.FilmCatalog;
import org.reelgraph.catalog.FranchiseRef;

/** Chronology of a franchise from the current store: reads the films and edges, then orders them. */
public final class ChronologyService {

    /** The JSON shape of DESIGN.md section 6. */
    public record Answer(FranchiseRef franchise, String order, List<ChronologyResult.Entry> entries,
                         List<ChronologyResult.Conflict> conflicts) {
        public boolean hasConflicts() {
            return !conflicts.isEmpty();
        }
    }

    private final FilmCatalog catalog;

    public ChronologyService(FilmCatalog catalog) {
        this.catalog = catalog;
    }

    /** Empty when no franchise has this slug. */
    public Optional<Answer> chronology(String franchiseSlug, Order order) {
        return catalog.chronologyInput(franchiseSlug).map(input -> {
            ChronologyResult result = Chronology.order(input.films(), input.edges(), order);
            return new Answer(input.franchise(), order.id(), result.entries(), result.conflicts());
        });
    }
}
