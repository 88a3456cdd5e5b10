package org.reelgraph.catalog;

import java.util.List;

/** One slice of a longer list: the items, the request that chose them and how many there are in all. */
public record Page<T>(List<T> items, PageRequest request, int total) {

    /** What an answer says about its slice; {@code next} (a link) is added by whoever knows the URL. */
    public PageInfo info() {
        return new PageInfo(request.offset(), request.limit(), total, null);
    }
}
