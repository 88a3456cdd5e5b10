package org.reelgraph.chronology;

import java.util.List;

import org.reelgraph.catalog.FranchiseRef;
import org.reelgraph.catalog.Page;
import org.reelgraph.catalog.PageInfo;
import org.reelgraph.catalog.PageRequest;

/**
 * A chronology answer with one page of its entries: the members of {@link ChronologyService.Answer}
 * (DESIGN.md section 6 and its additions) plus {@code page}. Positions stay those of the whole order,
 * so the second page of 100 starts at position 101.
 */
public record ChronologyPage(FranchiseRef franchise, String order, List<ChronologyResult.Entry> entries,
                             List<ChronologyResult.Conflict> conflicts, List<String> sources, List<PlacementEdge> dropped,
                             PageInfo page) {

    public static ChronologyPage of(ChronologyService.Answer answer, PageRequest request) {
        Page<ChronologyResult.Entry> entries = request.of(answer.entries());
        return new ChronologyPage(answer.franchise(), answer.order(), entries.items(), answer.conflicts(),
                answer.sources(), answer.dropped(), entries.info());
    }

    /** The same page with the link to the next one. */
    public ChronologyPage withNext(String link) {
        return new ChronologyPage(franchise, order, entries, conflicts, sources, dropped, page.withNext(link));
    }
}
