package org.reelgraph.chronology;

import java.time.LocalDate;
import java.util.List;

/** An ordering, or the cycles that prevent one. */
public record ChronologyResult(List<Entry> entries, List<Conflict> conflicts) {

    public static final String STATED = "stated";
    public static final String RELEASE_DATE = "release-date";

    /** {@code placement} is {@link #STATED} (fixed by edges) or {@link #RELEASE_DATE}. */
    public record Entry(int position, String id, String slug, String title, LocalDate released, String placement) {}

    /** Films that form a cycle of placement edges, and every edge among them with its source graph. */
    public record Conflict(List<FilmNode> films, List<PlacementEdge> edges) {}

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }
}
