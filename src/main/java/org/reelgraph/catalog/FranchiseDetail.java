package org.reelgraph.catalog;

import java.util.List;

/**
 * A franchise with one page of its films in release order; {@code spinOffs} are the films of that
 * page outside the main line; {@code page} says which slice of how many films it is.
 */
public record FranchiseDetail(String id, String slug, String title, List<FilmRef> films, List<FilmRef> spinOffs, PageInfo page) {

    /** The same page with the link to the next one. */
    public FranchiseDetail withNext(String link) {
        return new FranchiseDetail(id, slug, title, films, spinOffs, page.withNext(link));
    }
}
