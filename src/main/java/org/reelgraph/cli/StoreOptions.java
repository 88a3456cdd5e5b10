package org.reelgraph.cli;

import java.nio.file.Path;

import org.apache.jena.dboe.DBOpEnvException;
import org.reelgraph.chronology.PublishedChronology;
import org.reelgraph.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --db DIR | --mem}, shared by the commands that open the store. */
final class StoreOptions {

    static final class Choice {
        @Option(names = "--db", paramLabel = "DIR", description = "TDB2 directory (default: run/tdb2).")
        Path db;

        @Option(names = "--mem", description = "Throwaway in-memory store.")
        boolean mem;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    /** The store, with the published chronology kept current on every write. */
    Store open(ProjectHome home) {
        Store store = openStore(home);
        PublishedChronology.install(store);
        return store;
    }

    private Store openStore(ProjectHome home) {
        if (choice != null && choice.mem)
            return Store.inMemory();
        Path db = choice != null && choice.db != null ? choice.db : home.run().resolve("tdb2");
        try {
            return Store.tdb2(db);
        } catch (DBOpEnvException e) {
            // TDB2 allows one process per database; the usual holder is a running `serve`.
            throw new BadInputException("cannot open the store " + db + ": " + e.getMessage()
                    + ". Stop the process using it (a running 'serve'?) or write over HTTP (Graph Store Protocol, with the token).");
        }
    }
}
