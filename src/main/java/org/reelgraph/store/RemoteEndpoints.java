package org.reelgraph.store;

import java.net.URI;
import java.util.Objects;

/**
 * Where a remote SPARQL 1.1 store answers and what kind of store it is: the query endpoint, and the
 * update and Graph Store Protocol endpoints, each defaulting to the engine's layout (generic, i.e.
 * Fuseki's: {@code .../sparql} gives {@code .../update} and {@code .../data}; Virtuoso: updates to
 * the query endpoint itself, GSP to {@code /sparql-graph-crud} on the same host, or to
 * {@code /sparql-graph-crud-auth} behind its authenticated {@code /sparql-auth}). {@code user} and
 * {@code password} answer the store's HTTP Basic or Digest challenge, both null when the store is open;
 * {@link #toString()} never shows the password.
 */
public record RemoteEndpoints(String query, String update, String gsp, String user, String password, RemoteEngine engine) {
    public RemoteEndpoints {
        Objects.requireNonNull(query, "query endpoint");
        engine = engine != null ? engine : RemoteEngine.GENERIC;
        requireHttp(query, "query");
        update = update != null ? update : engine == RemoteEngine.VIRTUOSO ? query : sibling(query, "update");
        gsp = gsp != null ? gsp : engine == RemoteEngine.VIRTUOSO ? onHost(query, virtuosoGsp(query)) : sibling(query, "data");
        requireHttp(update, "update");
        requireHttp(gsp, "gsp");
        if ((user == null) != (password == null))
            throw new IllegalArgumentException("give both a remote user and a password file, or neither");
    }

    /** A generic store. */
    public RemoteEndpoints(String query, String update, String gsp, String user, String password) {
        this(query, update, gsp, user, password, RemoteEngine.GENERIC);
    }

    public static RemoteEndpoints of(String query) {
        return new RemoteEndpoints(query, null, null, null, null);
    }

    public static RemoteEndpoints of(String query, RemoteEngine engine) {
        return new RemoteEndpoints(query, null, null, null, null, engine);
    }

    public boolean authenticated() {
        return user != null;
    }

    /** The endpoint named in messages and logs: the query URL and the user, the password masked. */
    @Override
    public String toString() {
        return "RemoteEndpoints[query=" + query + ", update=" + update + ", gsp=" + gsp + ", user=" + user
                + ", password=" + (password == null ? null : "***") + ", engine=" + engine + "]";
    }

    /** Virtuoso's Graph Store endpoint that asks for the same authentication as its query endpoint does. */
    private static String virtuosoGsp(String query) {
        return URI.create(query).getPath().equals("/sparql-auth") ? "/sparql-graph-crud-auth" : "/sparql-graph-crud";
    }

    /** {@code http://h/ds/sparql} → {@code http://h/ds/update}; {@code http://h/ds} → {@code http://h/ds/update}. */
    private static String sibling(String query, String name) {
        for (String end : new String[] {"/sparql", "/query"})
            if (query.endsWith(end))
                return query.substring(0, query.length() - end.length()) + "/" + name;
        return query.replaceFirst("/$", "") + "/" + name;
    }

    /** {@code http://h:8890/sparql} → {@code http://h:8890/sparql-graph-crud}. */
    private static String onHost(String query, String path) {
        URI uri = URI.create(query);
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    private static void requireHttp(String url, String which) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the remote " + which + " endpoint is not a URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null)
            throw new IllegalArgumentException("the remote " + which + " endpoint must be an http(s) URL: " + url);
    }
}
