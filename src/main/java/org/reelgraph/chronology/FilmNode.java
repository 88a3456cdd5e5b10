package org.reelgraph.chronology;

import java.time.LocalDate;

/**
 * A work as the chronology sees it: {@code kind} is {@code film}, {@code short} (a short film) or
 * {@code series} (a TV series); {@code released} may be null when unknown.
 */
public record FilmNode(String id, String slug, String title, LocalDate released, String kind) {
    public static final String FILM = "film";
    public static final String SHORT = "short";
    public static final String SERIES = "series";

    /** A feature film. */
    public FilmNode(String id, String slug, String title, LocalDate released) {
        this(id, slug, title, released, FILM);
    }
}
