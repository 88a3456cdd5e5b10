package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reelgraph.testing.FusekiProcess;
import org.reelgraph.testing.VirtuosoServer;

/**
 * {@code serve --remote ... --remote-user USER --remote-password-file FILE}, as its own process, over each
 * engine with authentication on: the standalone Fuseki jar with {@code --passwd} (the whole server asks,
 * HTTP Basic) and Virtuoso's {@code /sparql-auth} (HTTP Digest, a SQL user with SPARQL_SELECT and
 * SPARQL_UPDATE). serve fills the empty store itself (one large update with the credentials); then the
 * SPARQL endpoint, the JSON API, an ingest and a dump answer through it. Without the password, or with a
 * wrong one, serve stops at once (exit 1) naming the store and its 401, and never prints a password; a
 * password changed at the store while serve runs turns its answers into 502 problem JSON. One engine start per engine; a missing Virtuoso skips its variant with the reason, except under
 * {@code CI=true}, where the class fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RemoteAuthTest {
    enum Engine { FUSEKI, VIRTUOSO }

    private static final String USER = "reelgraph-reader";
    private static final String PASSWORD = "pw-7f3a9c2e-only-in-the-file";
    private static final String WRONG = "pw-wrong-4b1d-never-shown";
    private static final Duration STOPS = Duration.ofSeconds(90);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Engine, String> queryEndpoints = new ConcurrentHashMap<>();
    private final Map<Engine, ReelgraphProcess> servers = new ConcurrentHashMap<>();
    private FusekiProcess fuseki;
    private volatile VirtuosoServer virtuoso;
    private Optional<String> noVirtuoso = Optional.empty();
    private Path dir;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        this.dir = dir;
        noVirtuoso = VirtuosoServer.missingOutsideCi();
        Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong-password"), WRONG + "\n");
        // Each engine and its serve (which fills the empty store) on its own thread: they wait on different processes.
        CompletableFuture<Void> overVirtuoso = noVirtuoso.isPresent() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    virtuoso = VirtuosoServer.start(dir.resolve("virtuoso"), USER, PASSWORD);
                    queryEndpoints.put(Engine.VIRTUOSO, virtuoso.authQueryEndpoint());
                    servers.put(Engine.VIRTUOSO, ReelgraphProcess.serveRemote(dir.resolve("serve-virtuoso"), virtuoso.authQueryEndpoint(),
                            "--remote-engine", "virtuoso", "--remote-user", USER, "--remote-password-file", dir.resolve("password").toString()));
                });
        try {
            fuseki = FusekiProcess.start(Files.createDirectory(dir.resolve("fuseki")), USER, PASSWORD);
            queryEndpoints.put(Engine.FUSEKI, fuseki.queryEndpoint());
            servers.put(Engine.FUSEKI, ReelgraphProcess.serveRemote(dir.resolve("serve-fuseki"), fuseki.queryEndpoint(),
                    "--remote-user", USER, "--remote-password-file", dir.resolve("password").toString()));
        } finally {
            overVirtuoso.join();
        }
    }

    @AfterAll
    void stop() {
        servers.values().forEach(ReelgraphProcess::close);
        if (fuseki != null)
            fuseki.close();
        if (virtuoso != null)
            virtuoso.close();
    }

    private ReelgraphProcess server(Engine engine) {
        if (engine == Engine.VIRTUOSO)
            assumeTrue(noVirtuoso.isEmpty(), () -> "remote Virtuoso with authentication not tested: " + noVirtuoso.orElse(""));
        return servers.get(engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStoreItselfTurnsAwayARequestWithoutTheUser(Engine engine) throws Exception {
        server(engine);
        HttpResponse<String> bare = client.send(HttpRequest.newBuilder(java.net.URI.create(queryEndpoints.get(engine)
                + "?query=" + RunningServer.encode("ASK {}"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bare.statusCode(), "the engine runs with authentication on: " + bare.body());
        String challenge = bare.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith(engine == Engine.FUSEKI ? "Basic" : "Digest"), challenge);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sparqlThroughReelgraphAnswersFromTheStoreServeFilled(Engine engine) throws Exception {
        ReelgraphProcess server = server(engine);
        // GRAPH ?g: the store's own default graph is not the union of its named graphs on every engine (Fuseki's is not).
        String ask = "ASK { GRAPH ?g { <https://w3id.org/reelgraph/id/film/ballerina-2025> <https://w3id.org/reelgraph/ontology#directedBy>"
                + " <https://w3id.org/reelgraph/id/person/len-wiseman> } }";
        HttpResponse<String> get = send(HttpRequest.newBuilder(server.uri("/reelgraph/sparql?query=" + RunningServer.encode(ask)))
                .header("Accept", "application/sparql-results+json"));
        assertEquals(200, get.statusCode(), get.body());
        assertTrue(RunningServer.json(get).get("boolean").asBoolean(), get.body());
        // A POSTed query goes on with the same credentials (a body sent again after the challenge).
        HttpResponse<String> post = send(HttpRequest.newBuilder(server.uri("/reelgraph/sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(ask)));
        assertEquals(200, post.statusCode(), post.body());
        assertTrue(RunningServer.json(post).get("boolean").asBoolean(), post.body());
    }

    /** The store's Graph Store endpoint has not been asked before: its challenge makes the body go twice, whole both times. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGraphPutThroughReelgraphIsStoredWithTheCredentials(Engine engine) throws Exception {
        ReelgraphProcess server = server(engine);
        String graph = "https://example.org/put-over-auth-" + engine.name().toLowerCase();
        String data = RunningServer.encode(graph);
        HttpResponse<String> put = send(HttpRequest.newBuilder(server.uri("/reelgraph/data?graph=" + data))
                .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<https://example.org/s> <https://example.org/p> \"sent twice\" .")));
        assertTrue(put.statusCode() == 200 || put.statusCode() == 201 || put.statusCode() == 204, put.statusCode() + " " + put.body());
        try {
            HttpResponse<String> there = send(HttpRequest.newBuilder(server.uri("/reelgraph/sparql?query=" + RunningServer.encode(
                    "ASK { GRAPH <" + graph + "> { <https://example.org/s> <https://example.org/p> \"sent twice\" } }")))
                    .header("Accept", "application/sparql-results+json"));
            assertTrue(RunningServer.json(there).get("boolean").asBoolean(), there.body());
        } finally {
            HttpResponse<String> deleted = send(HttpRequest.newBuilder(server.uri("/reelgraph/data?graph=" + data))
                    .header("Authorization", "Bearer " + RunningServer.TOKEN).DELETE());
            assertTrue(deleted.statusCode() == 200 || deleted.statusCode() == 204, deleted.statusCode() + " " + deleted.body());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void filmAndChronologyAnswer(Engine engine) throws Exception {
        ReelgraphProcess server = server(engine);
        HttpResponse<String> film = send(HttpRequest.newBuilder(server.uri("/api/films/ballerina-2025")));
        assertEquals(200, film.statusCode(), film.body());
        assertTrue(film.body().contains("len-wiseman"), film.body());
        JsonNode chronology = RunningServer.json(send(HttpRequest.newBuilder(server.uri("/api/franchises/john-wick/chronology?order=story"))));
        List<String> slugs = new ArrayList<>();
        chronology.get("entries").forEach(e -> slugs.add(e.get("slug").asText()));
        assertEquals(List.of("john-wick-2014", "john-wick-chapter-2-2017", "john-wick-chapter-3-parabellum-2019",
                "ballerina-2025", "john-wick-chapter-4-2023"), slugs);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPostedReviewIsWrittenWithTheCredentialsAndThenQueried(Engine engine) throws Exception {
        ReelgraphProcess server = server(engine);
        String text = Files.readString(Path.of("seeds", "ballerina-2025-review.txt")) + "\n\nPosted over an authenticated "
                + engine.name().toLowerCase() + ".\n";
        HttpResponse<String> posted = send(HttpRequest.newBuilder(server.uri("/api/reviews"))
                .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).timeout(Duration.ofMinutes(2)));
        assertEquals(201, posted.statusCode(), posted.body());
        String graph = RunningServer.json(posted).get("graph").asText();
        HttpResponse<String> there = send(HttpRequest.newBuilder(server.uri("/reelgraph/sparql?query="
                + RunningServer.encode("ASK { GRAPH <" + graph + "> { ?s <https://w3id.org/reelgraph/ontology#text> ?t } }")))
                .header("Accept", "application/sparql-results+json"));
        assertEquals(200, there.statusCode(), there.body());
        assertTrue(RunningServer.json(there).get("boolean").asBoolean(), "the review's graph " + graph + " is in the store");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDumpIsReadWholeWithTheCredentials(Engine engine) throws Exception {
        ReelgraphProcess server = server(engine);
        HttpResponse<byte[]> dump = client.send(HttpRequest.newBuilder(server.uri("/dumps/reelgraph.nq")).timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, dump.statusCode(), new String(dump.body(), StandardCharsets.UTF_8));
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(dump.body())).lang(Lang.NQUADS).parse(parsed);
        assertTrue(parsed.find(null, null, org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/reelgraph/ontology#directedBy"),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/reelgraph/id/person/len-wiseman")).hasNext(),
                "the dump has Ballerina's director");
        assertTrue(parsed.listGraphNodes().hasNext());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutAUserServeStopsNamingTheStoreAndIts401(Engine engine) {
        server(engine);
        String endpoint = queryEndpoints.get(engine);
        ReelgraphProcess.Ended ended = ReelgraphProcess.serveRemoteUntilItStops(dir.resolve("no-user-" + engine), endpoint, STOPS,
                engine == Engine.VIRTUOSO ? new String[] {"--remote-engine", "virtuoso"} : new String[0]);
        assertEquals(1, ended.exit(), ended.output());
        assertTrue(ended.output().contains("reelgraph: the remote store " + endpoint + " answered 401 Unauthorized: it asks for a user"
                + " and password; give --remote-user USER --remote-password-file FILE"), ended.output());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withAWrongPasswordServeStopsNamingTheUserAndNeverPrintsThePassword(Engine engine) {
        ReelgraphProcess server = server(engine);
        String endpoint = queryEndpoints.get(engine);
        List<String> options = new ArrayList<>(List.of("--remote-user", USER, "--remote-password-file", dir.resolve("wrong-password").toString()));
        if (engine == Engine.VIRTUOSO)
            options.addAll(List.of("--remote-engine", "virtuoso"));
        ReelgraphProcess.Ended ended = ReelgraphProcess.serveRemoteUntilItStops(dir.resolve("wrong-" + engine), endpoint, STOPS,
                options.toArray(String[]::new));
        assertEquals(1, ended.exit(), ended.output());
        assertTrue(ended.output().contains("reelgraph: the remote store " + endpoint + " answered 401 Unauthorized to the user '" + USER
                + "' (password from " + dir.resolve("wrong-password") + "): the store knows no such user, or the password is wrong"),
                ended.output());
        assertFalse(ended.output().contains(WRONG), ended.output());
        assertFalse(server.log().contains(PASSWORD), "the serving process never logs the password");
    }

    /**
     * The password changed at the store while serve runs (an administrator rotating it): the API and the
     * forwarded SPARQL answer 502 problem JSON saying so, never the store's challenge; the old password back,
     * the next requests answer again, without a restart. Last: it changes the store's user.
     */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "VIRTUOSO")
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aPasswordChangedAtTheStoreAnswers502UntilItIsBack(Engine engine) throws Exception {
        ReelgraphProcess server = server(engine);
        virtuoso.setPassword(USER, WRONG);
        try {
            for (String path : List.of("/api/films/ballerina-2025", "/reelgraph/sparql?query=" + RunningServer.encode("ASK {}"))) {
                HttpResponse<String> refused = send(HttpRequest.newBuilder(server.uri(path)));
                assertEquals(502, refused.statusCode(), path + ": " + refused.body());
                assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
                assertTrue(refused.headers().firstValue("WWW-Authenticate").isEmpty(), "the store's challenge is not passed on");
                assertTrue(refused.body().contains("401"), refused.body());
                assertFalse(refused.body().contains(PASSWORD) || refused.body().contains(WRONG), refused.body());
            }
        } finally {
            virtuoso.setPassword(USER, PASSWORD);
        }
        assertEquals(200, send(HttpRequest.newBuilder(server.uri("/api/films/ballerina-2025"))).statusCode());
        assertFalse(server.log().contains(PASSWORD), "the serving process never logs the password");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
