package org.reelgraph.store;

import java.util.Collection;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.Quad;

/**
 * How {@link RemoteDataset} speaks to one kind of remote store: the SELECT that finds statements by
 * pattern, the graphs it shows, and the one Update request that applies a write transaction. Patterns
 * and statements are reelgraph's (blank nodes, RDF 1.2 triple terms); each dialect maps them to what
 * its store holds and back.
 */
interface RemoteDialect {

    /** The group pattern (without its braces) that matches {@code pattern}'s statements (graph ANY: every shown graph), or null when none can match. */
    String where(Quad pattern);

    /** The SELECT for the statements matching {@code pattern}, or null when none can match. */
    default String select(Quad pattern) {
        String where = where(pattern);
        return where == null ? null : "SELECT * WHERE { " + where + " }";
    }

    /** One row of {@link #select}'s answer as a statement. */
    Quad statement(QuerySolution row, Quad pattern);

    /** A {@code FILTER} keeping {@code ?variable} to the graphs reelgraph shows (never the version graph). */
    String shown(String variable);

    /** {@code SELECT (COUNT(*) AS ?n)}: the statements of the shown graphs, or with {@code union} the distinct triples of their union. */
    String count(boolean union);

    /** Sends the changes and a new data version as one SPARQL Update request: graphs dropped, then deletes, then inserts. */
    void write(RDFConnection connection, Collection<Node> dropped, Collection<Quad> deleted, Collection<Quad> added);

    static RemoteDialect of(RemoteEngine engine, RDFConnection connection) {
        return switch (engine) {
            case GENERIC -> new GenericDialect();
            case VIRTUOSO -> new VirtuosoDialect(connection);
        };
    }
}
