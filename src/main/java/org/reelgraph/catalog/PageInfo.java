package org.reelgraph.catalog;

import java.util.Optional;

/**
 * The {@code page} member of a paged JSON answer: where the slice starts, its size limit, how many
 * items there are in all, and the link to the next slice (null on the last one). The HTTP layer,
 * which knows the request's URL, fills in {@code next}.
 */
public record PageInfo(int offset, int limit, int total, String next) {

    public PageInfo withNext(String link) {
        return new PageInfo(offset, limit, total, link);
    }

    /** The slice after this one, when items follow it. */
    public Optional<PageRequest> following() {
        return (long) offset + limit < total ? Optional.of(new PageRequest(offset, limit).next()) : Optional.empty();
    }

    /** The slice before this one, unless this is the first. */
    public Optional<PageRequest> preceding() {
        return offset > 0 ? Optional.of(new PageRequest(offset, limit).previous()) : Optional.empty();
    }
}
