package org.reelgraph.store;

import java.util.List;

import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;

/** Runs inside a write transaction just before it commits. */
@FunctionalInterface
public interface CommitHook {
    /**
     * @param dataset the dataset being written (the transaction is still open)
     * @param changed the watched statements added or removed, or null when everything may have changed
     */
    void run(DatasetGraph dataset, List<Triple> changed);
}
