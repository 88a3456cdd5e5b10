package org.reelgraph.store;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

/**
 * Why a remote store could not be reached, found in a failure raised while talking to it: no
 * connection (refused, connect timeout), no answer within the request timeout, the connection cut
 * (the store died mid-request), the store (or a proxy in front of it) saying 502, 503 or 504, or a whole-graph
 * answer cut short ({@link IncompleteAnswer}).
 * Jena wraps each of these in {@link HttpException} or {@link QueryExceptionHTTP}, sometimes twice;
 * the JDK's {@link IOException} is the cause. Anything else (a query the store rejects) is not this.
 */
public record StoreUnreachable(String reason) {

    /** The unreachable store behind {@code failure}, if that is what it is. */
    public static Optional<StoreUnreachable> in(Throwable failure) {
        boolean viaHttp = false;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof IncompleteAnswer)
                return Optional.of(new StoreUnreachable(t.getMessage()));
            if (t instanceof HttpConnectTimeoutException)
                return Optional.of(new StoreUnreachable("no connection within the connect timeout"));
            if (t instanceof HttpTimeoutException)
                return Optional.of(new StoreUnreachable("no answer within the request timeout"));
            if (t instanceof ConnectException)
                return Optional.of(new StoreUnreachable("connection refused"));
            if (t instanceof SocketException)
                return Optional.of(new StoreUnreachable("the connection failed (" + plain(t.getMessage()) + ")"));
            int status = t instanceof HttpException h ? h.getStatusCode() : t instanceof QueryExceptionHTTP q ? q.getStatusCode() : 0;
            if (status == 502 || status == 503 || status == 504)
                return Optional.of(new StoreUnreachable("the store answered " + status));
            viaHttp |= t instanceof HttpException || t instanceof QueryExceptionHTTP;
            if (viaHttp && t instanceof IOException)
                return Optional.of(new StoreUnreachable("the connection failed (" + plain(t.getMessage()) + ")"));
        }
        return Optional.empty();
    }

    /** The message, or "closed" when the JDK gives none (a connection reset often has none). */
    private static String plain(String message) {
        return message == null || message.isBlank() ? "closed" : message;
    }
}
