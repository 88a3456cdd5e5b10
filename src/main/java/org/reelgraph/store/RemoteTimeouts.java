package org.reelgraph.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long reelgraph waits for a remote store: {@code connect} to open a connection; {@code query}
 * for the answer to a read (SPARQL query, Graph Store GET) to start; {@code update} for a write
 * (SPARQL Update, Graph Store PUT/POST/DELETE) to be acknowledged, longer because a write's answer
 * comes only once the store has applied it (a bulk load of millions of statements). A null
 * {@code query} or {@code update} means no limit.
 */
public record RemoteTimeouts(Duration connect, Duration query, Duration update) {
    /** What {@code serve} gives a write by default (its reads get the query timeout). */
    public static final Duration SERVE_UPDATE = Duration.ofMinutes(5);

    public RemoteTimeouts {
        Objects.requireNonNull(connect, "connect timeout");
    }

}
