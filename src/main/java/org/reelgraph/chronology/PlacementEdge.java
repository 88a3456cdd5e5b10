package org.reelgraph.chronology;

/**
 * One stated placement, as its source wrote it: {@code subject rg:setAfter object} or
 * {@code subject rg:setBefore object}, with the named graph that states it. Extracted edges carry
 * the quote they came from and the extractor's confidence; curated edges have no quote and
 * confidence 1.
 */
public record PlacementEdge(String subject, String property, String object, String graph, String quote, double confidence) {
    public static final String SET_AFTER = "setAfter";
    public static final String SET_BEFORE = "setBefore";

    public PlacementEdge {
        if (!SET_AFTER.equals(property) && !SET_BEFORE.equals(property))
            throw new IllegalArgumentException("placement property must be setAfter or setBefore: " + property);
        if (confidence < 0 || confidence > 1)
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }

    /** A curated edge: no quote, full confidence. */
    public PlacementEdge(String subject, String property, String object, String graph) {
        this(subject, property, object, graph, null, 1.0);
    }

    /** The film that comes first in the story. */
    public String earlier() {
        return SET_AFTER.equals(property) ? object : subject;
    }

    /** The film that comes later in the story. */
    public String later() {
        return SET_AFTER.equals(property) ? subject : object;
    }
}
