package org.reelgraph.importer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.reelgraph.vocab.RG;

/** IMDb's {@code titleType} values reelgraph imports, and the class each becomes. */
final class ImdbTitleType {
    static final byte FILM = 0;
    static final byte SHORT = 1;
    static final byte SERIES = 2;

    /** Episodes, video games and pilots are not works reelgraph describes. */
    private static final Map<String, Byte> CODES = Map.of(
            "movie", FILM, "tvMovie", FILM, "video", FILM, "tvSpecial", FILM,
            "short", SHORT, "tvShort", SHORT,
            "tvSeries", SERIES, "tvMiniSeries", SERIES);

    private ImdbTitleType() {}

    static Optional<Byte> code(String titleType) {
        return Optional.ofNullable(CODES.get(titleType));
    }

    static Set<String> supported() {
        return new TreeSet<>(CODES.keySet());
    }

    static Node rdfClass(byte code) {
        return switch (code) {
            case SHORT -> RG.ShortFilm;
            case SERIES -> RG.Series;
            default -> RG.Film;
        };
    }
}
