package org.reelgraph.chronology;

/**
 * One stated placement, as the source wrote it: {@code subject rg:setAfter object} or
 * {@code subject rg:setBefore object}, with the named graph that states it.
 */
public record PlacementEdge(String subject, String property, String object, String graph) {
    public static final String SET_AFTER = "setAfter";
    public static final String SET_BEFORE = "setBefore";

    public PlacementEdge {
        if (!SET_AFTER.equals(property) && !SET_BEFORE.equals(property))
            throw new IllegalArgumentException("placement property must be setAfter or setBefore: " + property);
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
