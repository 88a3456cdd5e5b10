package org.reelgraph.w3c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.reelgraph.http.AccessToken;
import org.reelgraph.http.ReelgraphServer;
import org.reelgraph.http.RunningServer;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.Store;
import org.reelgraph.w3c.W3cManifest.Request;
import org.reelgraph.w3c.W3cManifest.Test;

/**
 * W3C conformance: the SPARQL 1.1 Protocol manifest (34 tests) and the SPARQL 1.1 Graph Store
 * Protocol manifests (direct and indirect graph identification), run against the real server.
 *
 * <p>Each manifest gets its own server over an empty in-memory store. Before every test the store is
 * emptied and the test's {@code ut:graphData} files are loaded as named graphs under their
 * {@code kasei.us} IRIs (the graphs of the GSP tests are created by the tests' own PUTs and POSTs);
 * nothing goes to the network. Requests go, in manifest order, to
 * {@code /sparql/} → {@code /reelgraph/sparql} (queries) or {@code /reelgraph/update} (updates) and
 * {@code /gsp…} → {@code /reelgraph/data…}, with the query string and body exactly as written; a direct
 * {@code /gsp/person/1.ttl} names the graph {@code http://127.0.0.1:PORT/reelgraph/data/person/1.ttl}.
 *
 * <p>Every listed test must pass. A test that fails because of a real server behaviour that cannot be
 * fixed would be listed in {@link #KNOWN_DEVIATIONS} (now empty): it is still run and still counted as
 * not passed in the summary, but its JUnit test asserts that the deviation is still there (with the
 * recorded symptom), so the build fails loudly once it is fixed and the entry (and the README's
 * conformance list) must be updated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class W3cConformanceTest {
    static final String PROTOCOL = "protocol";
    static final String GSP = "gsp";
    private static final int PROTOCOL_TESTS = 34;
    /** Listed in the direct (4) and indirect (9) GSP manifests; head_non_existing_direct is defined but unlisted. */
    private static final int GSP_TESTS = 13;

    /** A deviation that still happens: {@code symptom} must occur in the failure message. */
    record KnownDeviation(String symptom, String reason) {}

    /**
     * Tests that fail because of what the server really does, keyed by suite and test id. Each is
     * still run and counted as failed in the summary; its JUnit test passes only while the recorded
     * symptom still shows, and fails ("now passes: remove it") once the server is fixed. Empty: every
     * test of both suites passes (the last six were fixed by UpdateDatasetConflict,
     * DirectGraphIdentification and GraphCreationByPost).
     */
    static final Map<String, KnownDeviation> KNOWN_DEVIATIONS = Map.of();

    private record Outcome(Test test, String failure, List<String> notes) {}

    private static final List<Outcome> OUTCOMES = Collections.synchronizedList(new ArrayList<>());
    private static final List<W3cServer> SERVERS = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    @Order(1)
    Stream<DynamicNode> sparqlProtocol() {
        List<Test> tests = W3cManifest.read(PROTOCOL, "w3c/protocol/manifest.ttl", false);
        assertEquals(PROTOCOL_TESTS, tests.size(), "tests in the SPARQL 1.1 Protocol manifest");
        return Stream.of(container("SPARQL 1.1 Protocol", "w3c/protocol/manifest.ttl", tests, W3cConformanceTest::protocolRoute));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicNode> graphStoreProtocol() {
        List<Test> tests = W3cManifest.read(GSP, "w3c/graph-store-protocol/manifest.ttl", true);
        List<Test> direct = tests.stream().filter(t -> t.manifestFile().endsWith("manifest-direct.ttl")).toList();
        List<Test> indirect = tests.stream().filter(t -> t.manifestFile().endsWith("manifest-indirect.ttl")).toList();
        assertEquals(GSP_TESTS, tests.stream().filter(Test::listed).count(), "tests listed in the Graph Store Protocol manifests");
        // The http-rdf-update manifest was deprecated by the W3C (2012-11-27, resolution 3) in favour of
        // graph-store-protocol/; its tests are prose in rdfs:comment, not requests, so none is run.
        List<Test> deprecated = W3cManifest.read("gsp-deprecated", "w3c/http-rdf-update/manifest.ttl", false);
        System.out.println("W3C http-rdf-update: " + deprecated.size() + " deprecated prose-only tests, not runnable");
        return Stream.of(
                container("SPARQL 1.1 Graph Store Protocol - direct graph identification",
                        "w3c/graph-store-protocol/manifest-direct.ttl", direct, W3cConformanceTest::gspRoute),
                container("SPARQL 1.1 Graph Store Protocol - indirect graph identification",
                        "w3c/graph-store-protocol/manifest-indirect.ttl", indirect, W3cConformanceTest::gspRoute));
    }

    private static DynamicContainer container(String title, String manifest, List<Test> tests,
                                              BiFunction<Test, Request, String> route) {
        // The server starts when the container's first test runs and stops in @AfterAll.
        W3cServer[] server = new W3cServer[1];
        return DynamicContainer.dynamicContainer(title, resourceUri(manifest), tests.stream().map(test ->
                DynamicTest.dynamicTest(test.displayName(), resourceUri(manifest), () -> {
                    if (server[0] == null) {
                        server[0] = new W3cServer(route);
                        SERVERS.add(server[0]);
                    }
                    W3cExchange.Report report = server[0].run(test);
                    OUTCOMES.add(new Outcome(test, report.failure(), report.notes()));
                    judge(test, report.failure());
                })));
    }

    private static void judge(Test test, String failure) {
        String key = test.suite() + ":" + test.id();
        KnownDeviation known = KNOWN_DEVIATIONS.get(key);
        if (known == null) {
            if (failure != null)
                fail(test.displayName() + "\n" + failure);
            return;
        }
        if (failure == null)
            fail(key + " is in KNOWN_DEVIATIONS (" + known.reason() + ") but now passes: remove it from "
                    + "KNOWN_DEVIATIONS and from the README's conformance list.");
        if (!failure.contains(known.symptom()))
            fail(key + " is a known deviation (" + known.reason() + ") but now fails differently; expected the symptom \""
                    + known.symptom() + "\", got:\n" + failure);
    }

    /** {@code /sparql/?…}: queries to {@code /reelgraph/sparql}, updates to {@code /reelgraph/update}. */
    static String protocolRoute(Test test, Request request) {
        String path = request.absolutePath();
        if (!path.startsWith("/sparql/"))
            throw new IllegalStateException("protocol request path does not start with /sparql/: " + path);
        String rest = path.substring("/sparql/".length());
        return (isUpdate(test, request) ? "/reelgraph/update" : "/reelgraph/sparql") + rest;
    }

    /**
     * An update when it says so (application/sparql-update, an {@code update} parameter); a query when
     * it says so (application/sparql-query, a {@code query} parameter); otherwise (the bad_* tests with
     * a wrong or missing media type) by the operation the test is about.
     */
    static boolean isUpdate(Test test, Request request) {
        String type = W3cExchange.mediaType(request.header("content-type").orElse(null));
        if ("application/sparql-query".equals(type))
            return false;
        if ("application/sparql-update".equals(type))
            return true;
        String query = request.absolutePath().contains("?") ? request.absolutePath().substring(request.absolutePath().indexOf('?') + 1) : "";
        String params = "&" + query + "&" + (request.body() == null ? "" : request.body());
        if (params.contains("&update="))
            return true;
        if (params.contains("&query="))
            return false;
        return test.id().contains("update");
    }

    /** {@code /gsp}, {@code /gsp?…}, {@code /gsp/…} → {@code /reelgraph/data…}. */
    static String gspRoute(Test test, Request request) {
        String path = request.absolutePath();
        if (!(path.equals("/gsp") || path.startsWith("/gsp?") || path.startsWith("/gsp/")))
            throw new IllegalStateException("GSP request path does not start with /gsp: " + path);
        return ReelgraphServer.DATASET + "/data" + path.substring("/gsp".length());
    }

    @AfterAll
    static void summary() {
        for (W3cServer server : SERVERS)
            server.close();
        SERVERS.clear();
        StringBuilder report = new StringBuilder();
        int protocolPassed = 0, protocolRun = 0, gspPassed = 0, gspRun = 0;
        synchronized (OUTCOMES) {
            for (Outcome o : OUTCOMES) {
                boolean passed = o.failure() == null;
                // A test missing from its manifest's mf:entries is run and shown, but not counted.
                if (o.test().listed() && o.test().suite().equals(PROTOCOL)) {
                    protocolRun++;
                    protocolPassed += passed ? 1 : 0;
                } else if (o.test().listed()) {
                    gspRun++;
                    gspPassed += passed ? 1 : 0;
                }
                KnownDeviation known = KNOWN_DEVIATIONS.get(o.test().suite() + ":" + o.test().id());
                report.append(passed ? "  PASS " : known != null ? "  FAIL (known deviation) " : "  FAIL ")
                        .append(o.test().suite()).append(": ").append(o.test().displayName())
                        .append(o.test().listed() ? "" : " [not counted]").append('\n');
                if (known != null)
                    report.append("       why: ").append(known.reason()).append('\n');
                o.notes().forEach(note -> report.append("       note: ").append(note).append('\n'));
                if (!passed)
                    o.failure().lines().filter(l -> l.startsWith("request ")).forEach(l -> report.append("       ").append(l).append('\n'));
            }
            OUTCOMES.clear();
        }
        if (protocolRun + gspRun == 0)
            return;
        System.out.print("W3C conformance, every test:\n" + report);
        System.out.println("W3C protocol: " + protocolPassed + "/" + PROTOCOL_TESTS + " passed, GSP: " + gspPassed + "/" + GSP_TESTS + " passed"
                + (protocolRun < PROTOCOL_TESTS ? " (only " + protocolRun + " protocol tests ran)" : "")
                + (gspRun > 0 && gspRun < GSP_TESTS ? " (only " + gspRun + " GSP tests ran)" : ""));
    }

    private static URI resourceUri(String resource) {
        return URI.create("classpath:/" + resource);
    }

    /** The real server over an empty in-memory store, reset before every test. */
    static final class W3cServer implements AutoCloseable {
        private final Store store = Store.inMemory();
        private final ReelgraphServer server;
        private final W3cExchange exchange;

        W3cServer(BiFunction<Test, Request, String> route) {
            Sources sources = new Sources(java.nio.file.Path.of("").toAbsolutePath());
            Loader loader = new Loader(store, ShapesCheck.of(sources), java.time.Clock.systemUTC());
            server = ReelgraphServer.create().store(store).loader(loader).port(0).token(AccessToken.of(RunningServer.TOKEN)).build().start();
            exchange = new W3cExchange("http://127.0.0.1:" + server.port(), RunningServer.TOKEN, route);
        }

        W3cExchange.Report run(Test test) {
            store.write(() -> {
                store.dataset().clear();
                for (W3cManifest.GraphData data : test.data()) {
                    Graph graph = RDFParser.source(data.file()).toGraph();
                    var name = NodeFactory.createURI(data.iri());
                    graph.find().forEach(t -> store.dataset().add(name, t.getSubject(), t.getPredicate(), t.getObject()));
                }
            });
            return exchange.run(test);
        }

        @Override
        public void close() {
            server.stop();
            store.close();
        }
    }
}
