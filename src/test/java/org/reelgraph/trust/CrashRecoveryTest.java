package org.reelgraph.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.generate.SyntheticFranchises;

/**
 * kill -9 at random points of a bulk load ({@code load} of generated franchises, its own JVM) and of
 * a stream of token-authenticated writes (Graph Store PUTs of whole graphs with a known triple
 * count, one of them a bulk PUT of generated data, and {@code POST /api/reviews}) against the
 * server in its own JVM; then start the server again on the same TDB2 directory and check: it
 * opens, every graph is either all there (its exact triple count) or absent, every write answered
 * 2xx before the kill is there, and what earlier rounds left is unchanged.
 *
 * <p>3 rounds in {@code mvn test}, 20 with {@code -Dreelgraph.long=true}. The seed is printed;
 * {@code -Dreelgraph.seed=N} replays a run.
 */
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "urn:x-crash:";
    private static final int BULK_TRIPLES = 20_000;

    /** A graph written over HTTP or by a load: its name, its triple count, and what we know about it. */
    record Written(String graph, long triples, boolean acknowledged) {}

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void afterKillMinus9EveryGraphIsWholeOrAbsentAndEveryAcknowledgedWriteSurvives(@TempDir Path work) throws Exception {
        boolean long_ = Boolean.getBoolean("reelgraph.long");
        int rounds = long_ ? 20 : 3;
        long seed = Long.getLong("reelgraph.seed", System.nanoTime());
        System.out.println("CrashRecoveryTest: " + rounds + " rounds, seed " + seed + " (replay with -Dreelgraph.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Path db = work.resolve("tdb2");
        Path log = work.resolve("server.log");
        Path bulk = work.resolve("bulk.nt");
        long bulkTriples = generate(bulk, seed);

        // Everything ever sent, by graph: the expected count, and whether a 2xx came back.
        Map<String, Written> sent = new HashMap<>();
        Map<String, Long> reviewsAcked = new HashMap<>();
        ServerProcess server = ServerProcess.start(db, log, "512m");
        Map<String, Long> initial = counts(server);
        int killedLoads = 0, finishedLoads = 0, acked = 0, inFlight = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                boolean bulkLoad = round == 1 || (round > 1 && random.nextInt(3) == 0);
                String context = "seed " + seed + ", round " + round + (bulkLoad ? " (bulk load)" : " (writes)");
                if (bulkLoad) {
                    // TDB2 allows one process per store: the load runs while the server is down.
                    server.kill();
                    Path file = work.resolve("bulk-" + round + ".nt");
                    Files.copy(bulk, file);
                    String graph = "https://w3id.org/reelgraph/graph/data/bulk-" + round;
                    Process load = ServerProcess.java(List.of("-Xmx512m"), List.of("load", "--db", db.toString(), file.toString()), log);
                    long delay = 500 + random.nextLong(15_000);
                    boolean finished = load.waitFor(delay, TimeUnit.MILLISECONDS);
                    if (!finished) {
                        load.destroyForcibly();
                        load.waitFor();
                        killedLoads++;
                    } else {
                        finishedLoads++;
                        assertEquals(0, load.exitValue(), context + ": the load failed:\n" + server.tail());
                    }
                    sent.put(graph, new Written(graph, bulkTriples, finished));
                } else {
                    var outcome = writeUntilKilled(server, round, random, bulk, sent, reviewsAcked);
                    acked += outcome[0];
                    inFlight += outcome[1];
                }
                server = ServerProcess.start(db, log, "512m");
                check(server, context, initial, sent, reviewsAcked);
            }
        } finally {
            server.kill();
        }
        System.out.printf("CrashRecoveryTest: %d rounds, %d loads killed, %d finished, %d writes acknowledged, %d cut by a kill%n",
                rounds, killedLoads, finishedLoads, acked, inFlight);
        assertTrue(acked > 0, "no write was acknowledged before the kills: the test tested nothing");
    }

    /** Writers and reviewers run until the server is killed at a random moment; returns {acknowledged, in flight}. */
    private int[] writeUntilKilled(ServerProcess server, int round, SplittableRandom random, Path bulk,
                                   Map<String, Written> sent, Map<String, Long> reviewsAcked) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        Map<String, Written> written = new ConcurrentHashMap<>();
        Map<String, Long> reviews = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        long[] seeds = {random.nextLong(), random.nextLong(), random.nextLong()};
        for (int w = 0; w < 3; w++) {
            int writer = w;
            pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(seeds[writer]);
                for (int i = 0; !killed.get(); i++) {
                    String graph = PREFIX + "r" + round + "-w" + writer + "-" + i;
                    int triples = 1 + r.nextInt(400);
                    written.put(graph, new Written(graph, triples, false));
                    int status = put(server, graph, ntriples(graph, triples));
                    if (status / 100 == 2) {
                        written.put(graph, new Written(graph, triples, true));
                        acknowledged.incrementAndGet();
                    } else if (status > 0 && !killed.get()) {
                        throw new AssertionError(graph + ": PUT answered " + status);
                    }
                }
                return null;
            });
        }
        // One bulk PUT of the generated franchises: a large transaction the kill may cut.
        String bulkGraph = PREFIX + "r" + round + "-bulk";
        byte[] bulkBody = Files.readAllBytes(bulk);
        long bulkTriples = sent.values().stream().filter(x -> x.graph().contains("/bulk-")).findFirst().map(Written::triples)
                .orElseGet(() -> count(bulk));
        pool.submit(() -> {
            written.put(bulkGraph, new Written(bulkGraph, bulkTriples, false));
            int status = put(server, bulkGraph, bulkBody);
            if (status / 100 == 2) {
                written.put(bulkGraph, new Written(bulkGraph, bulkTriples, true));
                acknowledged.incrementAndGet();
            }
            return null;
        });
        pool.submit(() -> {
            for (int i = 0; !killed.get(); i++) {
                String text = "From the World of John Wick: Ballerina (2025) is directed by Len Wiseman. Ana de Armas plays Eve. "
                        + "Crash round " + round + " review number " + i + ".";
                int[] status = {0};
                String graph = review(server, text, status);
                if (graph != null) {
                    reviews.put(graph, 0L);
                    acknowledged.incrementAndGet();
                } else if (status[0] > 0 && !killed.get()) {
                    throw new AssertionError("review answered " + status[0]);
                }
            }
            return null;
        });
        ServerProcess.sleep(1000 + random.nextLong(5000));
        killed.set(true);
        server.kill();
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES), "writers stopped");
        sent.putAll(written);
        reviewsAcked.putAll(reviews);
        long cut = written.values().stream().filter(x -> !x.acknowledged()).count();
        return new int[] {acknowledged.get(), (int) cut};
    }

    private void check(ServerProcess server, String context, Map<String, Long> initial, Map<String, Written> sent,
                       Map<String, Long> reviewsAcked) throws Exception {
        Map<String, Long> counts = counts(server);
        initial.forEach((graph, n) -> assertEquals(n, counts.getOrDefault(graph, 0L), context + ": project graph " + graph + " changed"));
        for (Written w : sent.values()) {
            long found = counts.getOrDefault(w.graph(), 0L);
            if (w.acknowledged())
                assertEquals(w.triples(), found, context + ": acknowledged " + w.graph() + " must be whole");
            else
                assertTrue(found == 0 || found == w.triples(), context + ": " + w.graph() + " has " + found + " of " + w.triples() + " triples");
        }
        for (String graph : counts.keySet())
            if (graph.startsWith(PREFIX))
                assertTrue(sent.containsKey(graph), context + ": " + graph + " was never sent");
        // Reviews: every acknowledged one is there, all with the same number of statements (the texts differ only in a number).
        List<Long> reviewSizes = new ArrayList<>();
        for (String graph : reviewsAcked.keySet()) {
            long found = counts.getOrDefault(graph, 0L);
            assertTrue(found > 0, context + ": acknowledged review " + graph + " is missing");
            reviewSizes.add(found);
        }
        assertTrue(reviewSizes.stream().distinct().count() <= 1, context + ": review graphs differ in size " + reviewSizes);
    }

    private Map<String, Long> counts(ServerProcess server) throws Exception {
        String query = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/reelgraph/sparql?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode row : JSON.readTree(response.body()).at("/results/bindings"))
            counts.put(row.at("/g/value").asText(), row.at("/n/value").asLong());
        counts.remove("https://w3id.org/reelgraph/graph/meta");   // provenance grows with every write by design
        counts.remove("https://w3id.org/reelgraph/graph/derived/chronology");
        return counts;
    }

    /** PUT of a whole graph; the status, or 0 when the connection broke (the kill). */
    private int put(ServerProcess server, String graph, byte[] body) {
        try {
            return client.send(HttpRequest.newBuilder(server.uri("/reelgraph/data?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + ServerProcess.TOKEN).header("Content-Type", "application/n-triples")
                    .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** POST /api/reviews; the graph it was written to, or null (status[0] is the status, 0 for a broken connection). */
    private String review(ServerProcess server, String text, int[] status) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/api/reviews"))
                    .header("Authorization", "Bearer " + ServerProcess.TOKEN).header("Content-Type", "text/plain; charset=utf-8")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
            status[0] = response.statusCode();
            return response.statusCode() == 201 ? JSON.readTree(response.body()).get("graph").asText() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static byte[] ntriples(String graph, int triples) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < triples; i++)
            b.append('<').append(graph).append(":s").append(i).append("> <urn:x-crash:p> \"value ").append(i).append("\" .\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Generated franchises as N-Triples (the quads' graph dropped): a file {@code load} puts in one graph. Returns its triple count. */
    private static long generate(Path file, long seed) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES_UTF8);
            SyntheticFranchises.generate(BULK_TRIPLES, seed, new StreamRDFWrapper(writer) {
                @Override
                public void quad(Quad quad) {
                    triple(quad.asTriple());
                }
            });
        }
        return count(file);
    }

    private static long count(Path file) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(file).lang(Lang.NTRIPLES).parse(graph);
        return graph.size();
    }
}
