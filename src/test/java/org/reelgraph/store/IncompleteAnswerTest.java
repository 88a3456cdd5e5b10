package org.reelgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store that ends a graph's answer early but well-formed, as Virtuoso did at 10M statements (the real engines
 * do it only at a size no test can load): a SPARQL endpoint that sends two statements of a graph while its COUNT
 * says {@link #counted}. Not a stand-in for a store in the feature tests, which run on Fuseki and Virtuoso; a
 * fault no engine here can be made to show on demand.
 */
class IncompleteAnswerTest {
    private static final String GRAPH = "http://example.org/graph/cut";
    private HttpServer server;
    private final AtomicLong counted = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sparql", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = URLDecoder.decode((raw == null ? "" : raw) + "&" + body, StandardCharsets.UTF_8);
        String json;
        if (query.toUpperCase(java.util.Locale.ROOT).contains("COUNT("))
            json = results("n", "{\"n\":{\"type\":\"literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\",\"value\":\""
                    + counted.get() + "\"}}");
        else if (query.matches("(?s).*DISTINCT\\s+\\?g.*"))
            json = results("g", "{\"g\":{\"type\":\"uri\",\"value\":\"" + GRAPH + "\"}}");
        else
            json = results("s\",\"p\",\"o", row(1) + "," + row(2));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/sparql-results+json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String row(int i) {
        return "{\"s\":{\"type\":\"uri\",\"value\":\"http://example.org/s" + i + "\"},\"p\":{\"type\":\"uri\",\"value\":\"http://example.org/p\"},"
                + "\"o\":{\"type\":\"literal\",\"value\":\"o" + i + "\"}}";
    }

    private static String results(String vars, String bindings) {
        return "{\"head\":{\"vars\":[\"" + vars + "\"]},\"results\":{\"bindings\":[" + bindings + "]}}";
    }

    private List<Quad> streamed() {
        List<Quad> quads = new ArrayList<>();
        try (Store store = Store.remote(RemoteEndpoints.of("http://127.0.0.1:" + server.getAddress().getPort() + "/sparql"),
                Duration.ofSeconds(5))) {
            store.stream(new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    quads.add(quad);
                }
            });
        }
        return quads;
    }

    @Test
    void aGraphSentWholeStreamsAsSent() {
        counted.set(2);
        List<Quad> quads = streamed();
        assertEquals(2, quads.size());
        assertEquals(GRAPH, quads.get(0).getGraph().getURI());
    }

    @Test
    void aGraphCutShortIsAnIncompleteAnswerThatReadsAsAStoreToRetry() {
        counted.set(3);
        IncompleteAnswer cut = assertThrows(IncompleteAnswer.class, this::streamed);
        assertTrue(cut.getMessage().contains("sent 2 of the 3 statements of graph " + GRAPH), cut.getMessage());
        // A dump request then answers 503 with Retry-After (ProblemException.storeUnavailable), never a partial dump.
        assertEquals(cut.getMessage(), StoreUnreachable.in(new RuntimeException("wrapped", cut)).orElseThrow().reason());
    }
}
