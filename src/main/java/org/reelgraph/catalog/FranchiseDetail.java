package org.reelgraph.catalog;

import java.util.List;

/** A franchise with its films in release order; {@code spinOffs} are the films outside the main line. */
public record FranchiseDetail(String id, String slug, String title, List<FilmRef> films, List<FilmRef> spinOffs) {}
