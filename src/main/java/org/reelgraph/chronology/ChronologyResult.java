package org.reelgraph.chronology;

import java.time.LocalDate;
import java.util.List;

/** An ordering with its reasons, or the cycles that prevent one. */
public record ChronologyResult(List<Entry> entries, List<Conflict> conflicts, List<PlacementEdge> dropped) {

    public static final String STATED = "stated";
    public static final String RELEASE_DATE = "release-date";

    /**
     * One work in order ({@code kind}: film, short or series). {@code placement} is {@link #STATED}
     * (fixed by edges) or {@link #RELEASE_DATE};
     * {@code because} gives the edges that fix it.
     */
    public record Entry(int position, String id, String slug, String title, LocalDate released, String kind, String placement,
                        List<Reason> because) {}

    /**
     * "This film is set after (or before) {@code film}", and every source that says so: the sources
     * that agree on one placement are listed together.
     */
    public record Reason(String relation, String film, String slug, String title, List<PlacementEdge> statedBy) {}

    /** Films that form a cycle of placement edges, and every edge among them with its source graph. */
    public record Conflict(List<FilmNode> films, List<PlacementEdge> edges) {}

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }
}
