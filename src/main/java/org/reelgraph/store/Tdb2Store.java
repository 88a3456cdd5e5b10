package org.reelgraph.store;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Embedded TDB2, on disk (survives restarts and kill -9) or in memory for throwaway runs. */
final class Tdb2Store implements Store {
    private final DatasetGraph dataset;
    private final String description;

    private Tdb2Store(DatasetGraph dataset, String description) {
        this.dataset = dataset;
        this.description = description;
        // The SPARQL default graph is the union of all named graphs (DESIGN.md section 3).
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    static Tdb2Store open(Path directory) {
        return new Tdb2Store(DatabaseMgr.connectDatasetGraph(directory.toString()), "TDB2 " + directory);
    }

    static Tdb2Store inMemory() {
        return new Tdb2Store(DatabaseMgr.createDatasetGraph(), "in-memory TDB2");
    }

    @Override
    public DatasetGraph dataset() {
        return dataset;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        // Releases the files and the process lock, so the same directory can be opened again.
        TDBInternal.expel(dataset);
    }
}
