package org.reelgraph.load;

import java.time.Duration;
import java.util.List;

/** What a load wrote: one entry per graph replaced. */
public record LoadReport(List<LoadedGraph> graphs, Duration elapsed) {

    public record LoadedGraph(String source, String graph, long triples) {}

    public long triples() {
        return graphs.stream().mapToLong(LoadedGraph::triples).sum();
    }
}
