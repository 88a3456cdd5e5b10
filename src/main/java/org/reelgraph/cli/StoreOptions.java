package org.reelgraph.cli;

import java.nio.file.Path;

import org.apache.jena.dboe.DBOpEnvException;
import org.reelgraph.chronology.PublishedChronology;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.RemoteEngine;
import org.reelgraph.store.RemoteTimeouts;
import org.reelgraph.store.StoreRefusal;
import org.reelgraph.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --db DIR | --mem | --remote QUERY_URL [...]}, shared by the commands that open the store. */
final class StoreOptions {

    static final class Choice {
        @Option(names = "--db", paramLabel = "DIR", description = "TDB2 directory (default: run/tdb2).")
        Path db;

        @Option(names = "--mem", description = "Throwaway in-memory store.")
        boolean mem;

        @Option(names = "--remote", paramLabel = "QUERY_URL",
                description = "A remote SPARQL 1.1 store: its query endpoint (e.g. http://host:3030/ds/sparql).")
        String remote;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    @Option(names = "--remote-engine", paramLabel = "generic|virtuoso",
            description = "What the remote store is: 'generic' (default; a SPARQL 1.1 store that takes RDF 1.2, such as Fuseki 5) "
                    + "or 'virtuoso' (OpenLink Virtuoso 7: updates to QUERY_URL itself, GSP at /sparql-graph-crud, "
                    + "annotations kept as rdf:Statement reification).")
    String remoteEngine;

    @Option(names = "--remote-update", paramLabel = "URL", description = "The remote store's update endpoint "
            + "(default: QUERY_URL's sibling 'update'; virtuoso: QUERY_URL).")
    String remoteUpdate;

    @Option(names = "--remote-gsp", paramLabel = "URL", description = "The remote store's Graph Store Protocol endpoint "
            + "(default: sibling 'data'; virtuoso: /sparql-graph-crud on QUERY_URL's host, /sparql-graph-crud-auth for /sparql-auth).")
    String remoteGsp;

    @Option(names = "--remote-user", paramLabel = "USER", description = "User for the remote store's HTTP Basic or Digest authentication (with --remote-password-file).")
    String remoteUser;

    @Option(names = "--remote-password-file", paramLabel = "FILE", description = "File whose first line is the remote user's password.")
    Path remotePasswordFile;

    @Option(names = "--remote-connect-timeout", defaultValue = "5", paramLabel = "SECONDS",
            description = "How long to wait for a connection to the remote store (default: ${DEFAULT-VALUE}).")
    int remoteConnectTimeout;

    @Option(names = "--remote-timeout", paramLabel = "SECONDS",
            description = "How long a read from the remote store waits for its answer to start (default for serve: its --timeout; else none).")
    Integer remoteTimeout;

    @Option(names = "--remote-update-timeout", paramLabel = "SECONDS",
            description = "How long a write to the remote store waits to be acknowledged (default for serve: 300; else none).")
    Integer remoteUpdateTimeout;

    /** The store, with the published chronology kept current on every write. */
    Store open(ProjectHome home) {
        return open(home, null);
    }

    /**
     * As {@link #open(ProjectHome)}, for a server whose queries stop after {@code queryTimeout}: a remote
     * store's reads then wait as long (or {@code --remote-timeout}), its writes 5 minutes (or {@code --remote-update-timeout}).
     */
    Store open(ProjectHome home, java.time.Duration queryTimeout) {
        RemoteTimeouts timeouts = new RemoteTimeouts(java.time.Duration.ofSeconds(remoteConnectTimeout),
                remoteTimeout != null ? java.time.Duration.ofSeconds(remoteTimeout) : queryTimeout,
                remoteUpdateTimeout != null ? java.time.Duration.ofSeconds(remoteUpdateTimeout)
                        : queryTimeout == null ? null : RemoteTimeouts.SERVE_UPDATE);
        Store store = openStore(home, timeouts);
        PublishedChronology.install(store);
        return store;
    }

    private Store openRemote(RemoteTimeouts timeouts) {
        String password = null;
        if (remotePasswordFile != null) {
            try {
                password = java.nio.file.Files.readAllLines(remotePasswordFile).stream().findFirst().orElse("").strip();
            } catch (java.io.IOException e) {
                throw new BadInputException("cannot read the remote password file " + remotePasswordFile + ": " + e.getMessage());
            }
            if (password.isEmpty())
                throw new BadInputException("the remote password file " + remotePasswordFile + " is empty: its first line is the password");
        }
        Store store;
        try {
            RemoteEngine engine = remoteEngine == null ? RemoteEngine.GENERIC : RemoteEngine.parse(remoteEngine);
            store = Store.remote(new RemoteEndpoints(choice.remote, remoteUpdate, remoteGsp, remoteUser, password, engine),
                    timeouts);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        refuseWithoutAccess(store);
        return store;
    }

    /**
     * One {@code ASK {}}: a store that turns reelgraph away (401, 403) stops the command here, with what to
     * change, rather than at its first read with a bare HTTP error. Any other failure is left to that read,
     * which reports it as it always does (an unreachable store: 503 once serving).
     */
    private void refuseWithoutAccess(Store store) {
        StoreRefusal refusal;
        try (var ask = store.query(org.apache.jena.query.QueryFactory.create("ASK {}"))) {
            ask.execAsk();
            return;
        } catch (RuntimeException e) {
            refusal = StoreRefusal.in(e).orElse(null);
        }
        if (refusal == null)
            return;
        store.close();
        String answered = "the remote store " + choice.remote + " answered " + refusal.answer();
        if (remoteUser == null)
            throw new BadInputException(answered + ": it asks for a user and password; give --remote-user USER --remote-password-file FILE");
        throw new BadInputException(answered + " to the user '" + remoteUser + "' (password from " + remotePasswordFile + "): "
                + (refusal.status() == 401 ? "the store knows no such user, or the password is wrong" : "the user may not query it"));
    }

    private Store openStore(ProjectHome home, RemoteTimeouts timeouts) {
        boolean remote = choice != null && choice.remote != null;
        if (!remote && (remoteEngine != null || remoteUpdate != null || remoteGsp != null || remoteUser != null || remotePasswordFile != null
                || remoteTimeout != null || remoteUpdateTimeout != null))
            throw new BadInputException("--remote-engine, --remote-update, --remote-gsp, --remote-user, --remote-password-file,"
                    + " --remote-timeout and --remote-update-timeout need --remote QUERY_URL");
        if (remote)
            return openRemote(timeouts);
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
