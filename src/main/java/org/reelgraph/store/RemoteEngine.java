package org.reelgraph.store;

import java.util.Locale;

import org.apache.jena.sparql.exec.http.QuerySendMode;

/**
 * Which kind of SPARQL store {@code --remote} points at, chosen by the user ({@code --remote-engine}):
 * it decides the endpoints' defaults and how statements that a store cannot hold as they are get
 * written and read back.
 */
public enum RemoteEngine {
    /**
     * A SPARQL 1.1 store that takes RDF 1.2 triple terms as they are (Apache Jena Fuseki 5, and any
     * store given its update and Graph Store endpoints). Endpoint defaults follow Fuseki's layout:
     * {@code .../sparql} gives {@code .../update} and {@code .../data}.
     */
    GENERIC,
    /**
     * OpenLink Virtuoso 7: updates go to the query endpoint itself ({@code /sparql}), the Graph Store
     * Protocol to {@code /sparql-graph-crud}; RDF 1.2 reifiers are kept as {@code rdf:Statement}
     * reification and read back as reifiers; Virtuoso's own graphs are hidden (see {@link VirtuosoDialect}).
     */
    VIRTUOSO;

    /**
     * How a query goes to the store: GET, and past 2 KB of URL a POST. Virtuoso 7.2 never answers a POST
     * of {@code application/sparql-query} (measured: the request hangs until the client gives up), so
     * for it that POST is an HTML form ({@code query=...}), which it reads.
     */
    QuerySendMode querySendMode() {
        return this == VIRTUOSO ? QuerySendMode.asGetWithLimitForm : QuerySendMode.systemDefault;
    }

    /** {@code generic} or {@code virtuoso}, as the command line spells it. */
    public static RemoteEngine parse(String name) {
        for (RemoteEngine e : values())
            if (e.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                return e;
        throw new IllegalArgumentException("unknown remote engine '" + name + "': give generic or virtuoso");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
