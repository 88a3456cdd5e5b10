package org.reelgraph.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.Store;

/**
 * The real service for tests: a TDB2 store in a directory, loaded as {@code serve} loads it,
 * behind the real server on a free port, and an HTTP client that talks to it.
 */
public final class RunningServer implements AutoCloseable {
    public static final String TOKEN = "test-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final ReelgraphServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RunningServer(Store store, ReelgraphServer server) {
        this.store = store;
        this.server = server;
    }

    /** Opens (or creates) TDB2 in {@code db}; loads the project when the store is empty. */
    public static RunningServer start(Path db) {
        return start(db, b -> {});
    }

    /** As {@link #start(Path)}, with extra settings for the server (timeout, body limit). */
    public static RunningServer start(Path db, java.util.function.Consumer<ReelgraphServer.Builder> settings) {
        return over(Store.tdb2(db), settings);
    }

    /** The real server over {@code store} (any backend, a remote one too); loads the project when the store is empty. */
    public static RunningServer over(Store store, java.util.function.Consumer<ReelgraphServer.Builder> settings) {
        Sources sources = new Sources(Path.of("").toAbsolutePath());
        Loader loader = new Loader(store, ShapesCheck.of(sources), Clock.systemUTC());
        if (store.isEmpty())
            loader.load(sources.standard());
        ReelgraphServer.Builder builder = ReelgraphServer.create().store(store).loader(loader).port(0).token(AccessToken.of(TOKEN));
        settings.accept(builder);
        ReelgraphServer server = builder.build().start();
        return new RunningServer(store, server);
    }

    public Store store() {
        return store;
    }

    /** The Javalin app's routes, as Javalin registered them. */
    public List<RegisteredRoutes.Route> routes() {
        return server.routes();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Graph Store Protocol PUT of Turtle into a named graph, with the write token. */
    public HttpResponse<String> putGraph(String graph, String turtle) {
        return send(request("/reelgraph/data?graph=" + encode(graph)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/turtle").PUT(body(turtle)));
    }

    /** The answer to {@link #upload}: status, {@code Content-Type} and body. */
    public record Answer(int status, String contentType, String body) {}

    /**
     * A big upload as curl sends one: {@code Expect: 100-continue}, with the write token. A server that
     * refuses on the declared length answers before any of the body is sent, so the client never races a
     * server that has answered 413 and closed the connection mid-upload.
     */
    public Answer upload(String method, String path, String contentType, byte[] body) {
        org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient();
        try {
            jetty.start();
            var answer = new java.util.concurrent.CompletableFuture<Answer>();
            jetty.newRequest(uri(path)).method(method).timeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .headers(h -> h.put(org.eclipse.jetty.http.HttpHeader.AUTHORIZATION, "Bearer " + TOKEN)
                            .put(org.eclipse.jetty.http.HttpHeader.EXPECT, org.eclipse.jetty.http.HttpHeaderValue.CONTINUE.asString()))
                    .body(new org.eclipse.jetty.client.BytesRequestContent(contentType, body))
                    .send(new org.eclipse.jetty.client.BufferingResponseListener() {
                        @Override
                        public void onComplete(org.eclipse.jetty.client.Result result) {
                            // The request side "fails" when the server refuses the body: only the answer counts.
                            if (result.getResponseFailure() != null)
                                answer.completeExceptionally(result.getResponseFailure());
                            else
                                answer.complete(new Answer(result.getResponse().getStatus(), getMediaType(), getContentAsString(StandardCharsets.UTF_8)));
                        }
                    });
            return answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        } finally {
            try {
                jetty.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Graph Store Protocol DELETE of a named graph, with the write token. */
    public HttpResponse<String> deleteGraph(String graph) {
        return send(request("/reelgraph/data?graph=" + encode(graph)).header("Authorization", "Bearer " + TOKEN).DELETE());
    }

    /** Runs a SELECT or ASK over the SPARQL protocol (GET) and returns the JSON results. */
    public JsonNode sparql(String query) {
        HttpResponse<String> response = get("/reelgraph/sparql?query=" + encode(query), "application/sparql-results+json");
        if (response.statusCode() != 200)
            throw new AssertionError("SPARQL failed " + response.statusCode() + ": " + response.body());
        return json(response);
    }

    /** Number of distinct triples in the union of named graphs, by SPARQL. */
    public long unionTripleCount() {
        return sparql("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }")
                .at("/results/bindings/0/n/value").asLong();
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static HttpRequest.BodyPublisher body(String s) {
        return HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
