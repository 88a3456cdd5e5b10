package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way to write is refused without the token (401) and works with it; reads stay open. */
class WriteAccessTest extends AgainstRunningServer {
    private static final String GRAPH = "https://w3id.org/reelgraph/test/writes";
    private static final String TRIPLE = "<urn:reelgraph:test:s> <urn:reelgraph:test:p> \"written\" .";
    private static final String INSERT = "INSERT DATA { GRAPH <" + GRAPH + "> { " + TRIPLE + " } }";
    private static final String WRITTEN = "ASK { GRAPH ?g { <urn:reelgraph:test:s> <urn:reelgraph:test:p> \"written\" } }";
    private static final String WRITTEN_TO_DEFAULT = "ASK { <urn:reelgraph:test:s> <urn:reelgraph:test:p> \"written\" }";
    /** A graph by direct identification: its IRI is this URL on the test server. */
    private static final String DIRECT = "/reelgraph/data/test/writes";


    /** A write request and the ASK query that sees its effect. */
    record Write(String name, Function<RunningServer, HttpRequest.Builder> request, String effect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> writes() {
        String form = "application/x-www-form-urlencoded";
        return Stream.of(
                new Write("POST /reelgraph/update (sparql-update body)", s -> s.request("/reelgraph/update")
                        .header("Content-Type", "application/sparql-update").POST(RunningServer.body(INSERT)), WRITTEN),
                new Write("POST /reelgraph/update (form)", s -> s.request("/reelgraph/update")
                        .header("Content-Type", form).POST(RunningServer.body("update=" + RunningServer.encode(INSERT))), WRITTEN),
                new Write("POST /reelgraph with update=", s -> s.request("/reelgraph")
                        .header("Content-Type", form).POST(RunningServer.body("update=" + RunningServer.encode(INSERT))), WRITTEN),
                new Write("POST /reelgraph/sparql with update=", s -> s.request("/reelgraph/sparql")
                        .header("Content-Type", form).POST(RunningServer.body("update=" + RunningServer.encode(INSERT))), null),
                new Write("GSP PUT named graph", s -> gsp(s, "/reelgraph/data?graph=" + RunningServer.encode(GRAPH))
                        .PUT(RunningServer.body(TRIPLE)), WRITTEN),
                new Write("GSP POST named graph", s -> gsp(s, "/reelgraph/data?graph=" + RunningServer.encode(GRAPH))
                        .POST(RunningServer.body(TRIPLE)), WRITTEN),
                new Write("GSP PUT default graph", s -> gsp(s, "/reelgraph/data?default").PUT(RunningServer.body(TRIPLE)), null),
                new Write("GSP POST default graph", s -> gsp(s, "/reelgraph/data?default").POST(RunningServer.body(TRIPLE)), null),
                new Write("GSP PUT on the dataset URL", s -> gsp(s, "/reelgraph?graph=" + RunningServer.encode(GRAPH))
                        .PUT(RunningServer.body(TRIPLE)), WRITTEN),
                new Write("GSP POST on the dataset URL (default graph)", s -> gsp(s, "/reelgraph?default")
                        .POST(RunningServer.body(TRIPLE)), null),
                new Write("GSP PUT direct graph URL", s -> gsp(s, DIRECT).PUT(RunningServer.body(TRIPLE)), WRITTEN),
                new Write("GSP POST direct graph URL", s -> gsp(s, DIRECT).POST(RunningServer.body(TRIPLE)), WRITTEN),
                new Write("GSP POST to the graph store URL (new graph)", s -> gsp(s, "/reelgraph/data")
                        .POST(RunningServer.body(TRIPLE)), WRITTEN)
        ).map(Arguments::of);
    }

    private static HttpRequest.Builder gsp(RunningServer s, String path) {
        return s.request(path).header("Content-Type", "text/turtle");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void writeWithoutTokenIs401AndChangesNothing(Write write) {
        long before = server.unionTripleCount();
        HttpResponse<String> response = server.send(write.request().apply(server));
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        JsonNode problem = RunningServer.json(response);
        assertEquals(401, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains("Authorization: Bearer"));
        assertEquals(before, server.unionTripleCount());
        assertTrue(!ask(WRITTEN) && !ask(WRITTEN_TO_DEFAULT), "nothing was written");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void writeWithWrongTokenIs401(Write write) {
        HttpResponse<String> response = server.send(write.request().apply(server).header("Authorization", "Bearer wrong"));
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));
        assertTrue(!ask(WRITTEN) && !ask(WRITTEN_TO_DEFAULT), "nothing was written");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void writeWithTokenIsAccepted(Write write) {
        HttpResponse<String> response = server.send(write.request().apply(server)
                .header("Authorization", "Bearer " + RunningServer.TOKEN));
        try {
            if (write.name().startsWith("POST /reelgraph/sparql")) {
                // A query endpoint does not run updates, token or not.
                assertEquals(4, response.statusCode() / 100, response.statusCode() + " " + response.body());
                assertTrue(!ask(WRITTEN) && !ask(WRITTEN_TO_DEFAULT), "nothing was written");
                return;
            }
            assertEquals(2, response.statusCode() / 100, response.statusCode() + " " + response.body());
            if (write.effect() != null)
                assertTrue(ask(write.effect()), "the write is visible");
        } finally {
            cleanUp();
        }
    }

    @Test
    void deleteOfADirectGraphWithoutTheRightTokenIs401AndKeepsTheGraph() {
        HttpResponse<String> created = server.send(gsp(server, DIRECT).header("Authorization", "Bearer " + RunningServer.TOKEN)
                .PUT(RunningServer.body(TRIPLE)));
        assertEquals(201, created.statusCode(), created.body());
        try {
            long before = server.unionTripleCount();
            for (String authorization : new String[] {null, "Bearer wrong"}) {
                HttpRequest.Builder delete = server.request(DIRECT).DELETE();
                if (authorization != null)
                    delete.header("Authorization", authorization);
                HttpResponse<String> response = server.send(delete);
                assertEquals(401, response.statusCode(), response.body());
                assertEquals(401, RunningServer.json(response).get("status").asInt());
                assertEquals(before, server.unionTripleCount());
                assertTrue(ask("ASK { GRAPH <" + server.uri(DIRECT) + "> { " + TRIPLE + " } }"), "the graph is still there");
            }
            assertEquals(204, server.send(server.request(DIRECT).header("Authorization", "Bearer " + RunningServer.TOKEN).DELETE()).statusCode());
            assertTrue(!ask(WRITTEN), "deleted with the token");
        } finally {
            cleanUp();
        }
    }

    @Test
    void readsNeedNoToken() {
        assertEquals(200, server.get("/reelgraph/sparql?query=" + RunningServer.encode("ASK {}")).statusCode());
        assertEquals(200, server.get("/reelgraph/data?graph=" + RunningServer.encode("https://w3id.org/reelgraph/graph/data/john-wick")).statusCode());
        assertEquals(200, server.get("/reelgraph?graph=" + RunningServer.encode("https://w3id.org/reelgraph/graph/ontology")).statusCode());
        assertEquals(200, server.send(server.request("/reelgraph").header("Content-Type", "application/sparql-query")
                .POST(RunningServer.body("ASK {}"))).statusCode());
        assertEquals(404, server.get(DIRECT).statusCode(), "a direct graph URL is read without a token (404: no such graph)");
        assertEquals(200, server.get("/api/franchises").statusCode());
        assertEquals(200, server.get("/dumps/reelgraph.nt").statusCode());
    }

    private boolean ask(String query) {
        return server.sparql(query).get("boolean").asBoolean();
    }

    private void cleanUp() {
        // Direct graph URLs and POSTs to the store make graphs with server IRIs: remove the test triple wherever it is.
        String clear = "DROP SILENT GRAPH <" + GRAPH + "> ; DELETE WHERE { <urn:reelgraph:test:s> ?p ?o } ; "
                + "DELETE WHERE { GRAPH ?g { <urn:reelgraph:test:s> ?p ?o } }";
        var response = server.send(server.request("/reelgraph/update").header("Authorization", "Bearer " + RunningServer.TOKEN)
                .header("Content-Type", "application/sparql-update").POST(RunningServer.body(clear)));
        assertEquals(2, response.statusCode() / 100, response.body());
    }
}
