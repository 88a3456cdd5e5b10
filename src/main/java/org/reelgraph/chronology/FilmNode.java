package org.reelgraph.chronology;

import java.time.LocalDate;

/** A film as the chronology sees it; {@code released} may be null when unknown. */
public record FilmNode(String id, String slug, String title, LocalDate released) {}
