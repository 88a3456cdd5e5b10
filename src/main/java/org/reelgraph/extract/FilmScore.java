package org.reelgraph.extract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a title was (or was not) taken for the reviewed film: each piece of evidence and its points,
 * in the order they were found. The candidate with the highest {@link #total()} is the film.
 *
 * <p>Evidence for: {@code headline} (the title is in the lines above the first paragraph),
 * {@code first} (the earliest title the text introduces), {@code mentions} (how often the title
 * and its short forms recur), {@code dated} (the text gives its year: "Title (2017)", "2017's
 * Title"), {@code year-cue} (its year matches "this 2013 sequel", "the 2018 film"), {@code seen}
 * ("went to see Logan"), {@code known} (the graph holds the film). Evidence against:
 * {@code comparison} ("in the mold of", "since", "sequel to"), {@code possessive} (another
 * person's film: "George Stevens' Shane").
 *
 * @param year {@code null} when neither the text nor the graph gives one
 */
public record FilmScore(String title, Integer year, Map<String, Double> points) {
    public FilmScore {
        points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
    }

    public double total() {
        return points.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** {@code Paddington 2 = 11.0 [headline +5.0, first +3.0, mentions +3.0]}. */
    public String explain() {
        StringBuilder sb = new StringBuilder(title);
        if (year != null)
            sb.append(" (").append(year).append(')');
        sb.append(" = ").append(total()).append(" [");
        String sep = "";
        for (Map.Entry<String, Double> e : points.entrySet()) {
            sb.append(sep).append(e.getKey()).append(' ').append(e.getValue() >= 0 ? "+" : "").append(e.getValue());
            sep = ", ";
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return explain();
    }
}
