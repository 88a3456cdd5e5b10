package org.reelgraph.store;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.graph.Node;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.UpdateRequest;

/**
 * A SPARQL 1.1 store on another machine (standalone Fuseki, Virtuoso, ...), through Jena's
 * {@link RDFConnectionRemote}: queries go to its query endpoint, every write transaction becomes one
 * SPARQL Update request (see {@link RemoteDataset}). The data version lives in the store, so several
 * front ends over one store agree on it.
 */
final class RemoteStore implements Store {
    private final RemoteEndpoints endpoints;
    private final RemoteDataset remote;
    private final WatchedDataset dataset;
    private final HttpClient http;
    /** The newest version tag seen and when this process first saw it (for Last-Modified). */
    private final AtomicReference<DataVersion> newest = new AtomicReference<>(new DataVersion("", now()));

    private RemoteStore(RemoteEndpoints endpoints, HttpClient http, RDFConnection connection) {
        this.endpoints = endpoints;
        this.http = http;
        this.remote = new RemoteDataset(connection, endpoints.engine());
        this.dataset = new WatchedDataset(remote);
    }

    static RemoteStore connect(RemoteEndpoints endpoints, RemoteTimeouts timeouts) {
        // HTTP/1.1: the JDK client would otherwise offer an h2c upgrade on every plain-HTTP request.
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NORMAL);
        // Jena's AuthEnv, not a JDK Authenticator: Jena answers Basic and Digest challenges (Virtuoso's
        // /sparql-auth asks for Digest; the JDK client knows only Basic, and retries a wrong password
        // until "too many authentication attempts" instead of handing back the store's 401).
        if (endpoints.authenticated())
            for (URI endpoint : endpointUris(endpoints))
                AuthEnv.get().registerUsernamePassword(endpoint, endpoints.user(), endpoints.password());
        // AuthEnv is one per JVM (Jena's design): one process, one set of credentials per endpoint.
        HttpClient http = new TimedHttpClient(client.build(), request -> isWrite(endpoints, request) ? timeouts.update() : timeouts.query());
        RDFConnection connection = RDFConnectionRemote.newBuilder()
                .queryEndpoint(endpoints.query())
                .updateEndpoint(endpoints.update())
                .gspEndpoint(endpoints.gsp())
                .querySendMode(endpoints.engine().querySendMode())
                .httpClient(http)
                .build();
        return new RemoteStore(endpoints, http, connection);
    }

    private static Set<URI> endpointUris(RemoteEndpoints endpoints) {
        return java.util.stream.Stream.of(endpoints.query(), endpoints.update(), endpoints.gsp()).map(URI::create)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * A request that changes the store: a SPARQL Update body (Virtuoso takes updates at its query
     * endpoint), anything sent to a separate update endpoint, anything but GET and HEAD to the Graph Store endpoint.
     */
    private static boolean isWrite(RemoteEndpoints endpoints, HttpRequest request) {
        String uri = request.uri().toString();
        if (request.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-update"))
            return true;
        if (!endpoints.update().equals(endpoints.query()) && uri.startsWith(endpoints.update()))
            return true;
        return !endpoints.gsp().equals(endpoints.query()) && uri.startsWith(endpoints.gsp())
                && !request.method().equals("GET") && !request.method().equals("HEAD");
    }

    @Override
    public DatasetGraph dataset() {
        return dataset;
    }

    @Override
    public void readAhead(Collection<Node> subjects) {
        remote.readAhead(subjects);
    }

    @Override
    public String description() {
        return "remote SPARQL " + endpoints.query();
    }

    @Override
    public Optional<RemoteEndpoints> remote() {
        return Optional.of(endpoints);
    }

    @Override
    public HttpClient httpClient() {
        return http;
    }

    @Override
    public void beforeCommit(String name, Set<Node> watched, CommitHook hook) {
        dataset.beforeCommit(name, watched, hook);
    }

    @Override
    public DataVersion version() {
        String tag = remote.version();
        String full = "remote-" + (tag == null ? "none" : tag);
        return newest.updateAndGet(seen -> seen.tag().equals(full) ? seen : new DataVersion(full, now()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Counted by the store ({@code COUNT(*)} over the named graphs, the version graph left out), never fetched. */
    @Override
    public long quadCount() {
        return count(remote.countQuery(false));
    }

    @Override
    public long unionSize() {
        return count(remote.countQuery(true));
    }

    private long count(String select) {
        try (QueryExecution qe = query(org.apache.jena.query.QueryFactory.create(select))) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    @Override
    public QueryExecution query(Query query) {
        return remote.connection().query(query);
    }

    @Override
    public void update(UpdateRequest request) {
        remote.connection().update(RemoteDataset.withNewVersion(request));
        changedOutside();
    }

    /** The update, then (after a {@code ;}) the statements that replace the version: one request, applied whole or not at all. */
    @Override
    public String withNewVersion(String update) {
        String text = update.strip();
        if (text.endsWith(";"))
            text = text.substring(0, text.length() - 1);
        return text + "\n;\n" + RemoteDataset.withNewVersion(new UpdateRequest());
    }

    @Override
    public void changedOutside() {
        write(dataset::markEverythingChanged);
    }

    /** Graph by graph, each streamed from one SELECT: nothing is held whole. */
    @Override
    public void stream(StreamRDF sink) {
        for (Iterator<Node> it = remote.listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            // Counted against the store's COUNT: a whole-store stream (a dump's copy) must not pass a cut answer for a graph.
            remote.selectWhole(Quad.create(g, Node.ANY, Node.ANY, Node.ANY), sink::quad);
        }
    }

    @Override
    public void close() {
        remote.close();
        if (endpoints.authenticated())
            endpointUris(endpoints).forEach(AuthEnv.get()::unregisterUsernamePassword);
    }
}
