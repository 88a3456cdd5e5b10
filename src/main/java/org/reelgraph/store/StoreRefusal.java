package org.reelgraph.store;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

/**
 * A remote store that turned reelgraph away: it answered 401 (no user given, an unknown user, a wrong
 * password) or 403 (a user without the right), found in a failure of Jena's HTTP layer however deeply
 * it is wrapped. Not a fault of the request nor of the store's health: of reelgraph's credentials.
 */
public record StoreRefusal(int status) {

    /** The refusal behind {@code failure}, if that is what it is. */
    public static Optional<StoreRefusal> in(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            int status = t instanceof HttpException h ? h.getStatusCode() : t instanceof QueryExceptionHTTP q ? q.getStatusCode() : 0;
            if (status == 401 || status == 403)
                return Optional.of(new StoreRefusal(status));
        }
        return Optional.empty();
    }

    /** {@code 401 Unauthorized}, {@code 403 Forbidden}. */
    public String answer() {
        return status + (status == 401 ? " Unauthorized" : " Forbidden");
    }
}
