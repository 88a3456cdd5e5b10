package org.reelgraph.http;

import java.util.Locale;
import java.util.Set;

/**
 * Tells reads from writes on the SPARQL endpoints, deny-by-default: a request is a read only when
 * it is plainly a query or a Graph Store read. Everything else (update, GSP PUT/POST/DELETE,
 * anything unrecognised) counts as a write and needs the token.
 */
public final class SparqlRequests {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> QUERY_ENDPOINTS = Set.of("sparql", "query");

    private SparqlRequests() {}

    /**
     * @param endpoint     the path after the dataset name: {@code ""} for the dataset itself,
     *                     else {@code sparql}, {@code query}, {@code update}, {@code data}, ...
     * @param contentType  the request's media type, or null
     * @param hasQuery     whether a {@code query} parameter is present (URL or form)
     * @param hasUpdate    whether an {@code update} parameter is present (URL or form)
     */
    public static boolean isRead(String method, String endpoint, String contentType, boolean hasQuery, boolean hasUpdate) {
        if (hasUpdate)
            return false;
        String m = method.toUpperCase(Locale.ROOT);
        if (SAFE_METHODS.contains(m))
            return true;
        if (!m.equals("POST"))
            return false;
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        boolean queryBody = type.equals("application/sparql-query")
                || (type.equals("application/x-www-form-urlencoded") && hasQuery);
        // A query endpoint runs nothing but queries: any other body gets Fuseki's 415 or 400, not a
        // demand for the write token.
        if (QUERY_ENDPOINTS.contains(endpoint))
            return true;
        return endpoint.isEmpty() && queryBody;
    }
}
