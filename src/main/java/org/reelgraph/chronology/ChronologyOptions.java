package org.reelgraph.chronology;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.reelgraph.vocab.Iris;

/** The request options of a chronology as users write them (HTTP query parameters, CLI options). */
public final class ChronologyOptions {
    private ChronologyOptions() {}

    /** {@code report} or {@code skip-weakest}. */
    public static Optional<Chronology.OnConflict> onConflict(String value) {
        return switch (value) {
            case "report" -> Optional.of(Chronology.OnConflict.REPORT);
            case "skip-weakest" -> Optional.of(Chronology.OnConflict.SKIP_WEAKEST);
            default -> Optional.empty();
        };
    }

    /** {@code films} (feature films only) or {@code all} (with short films and TV series): true for all. */
    public static Optional<Boolean> includeAll(String value) {
        return switch (value) {
            case "films" -> Optional.of(false);
            case "all" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    /**
     * Source graphs, each given in full or short ({@code data/john-wick} for
     * {@code https://w3id.org/reelgraph/graph/data/john-wick}); values may also be comma-separated.
     */
    public static Set<String> sources(Collection<String> values) {
        Set<String> graphs = new TreeSet<>();
        for (String value : values)
            for (String part : value.split(","))
                if (!part.isBlank())
                    graphs.add(part.contains("://") ? part.strip() : Iris.GRAPH_BASE + part.strip());
        return graphs;
    }
}
