package org.reelgraph.catalog;

import java.time.LocalDate;

/** A film by IRI, slug, title and release date (null when unknown). */
public record FilmRef(String id, String slug, String title, LocalDate released) {}
