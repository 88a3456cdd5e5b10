package org.reelgraph.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.http.RunningServer;

/**
 * 64 concurrent clients against the real server on 127.0.0.1, mixing reads (SPARQL point lookups,
 * film API, chronology, Linked Data, HEAD of a dump) with token-authenticated writes (Graph Store
 * PUT of a scratch graph per client, now and then a posted review): every answer must be the
 * expected status, and the heap after a full GC must not have grown past a bounded margin.
 * 10 s in {@code mvn test} (the server in this JVM); 60 s with {@code -Dreelgraph.long=true},
 * then against the server in its own JVM with {@code -Xmx1g}. Prints p50/p99 per operation.
 */
class SoakTest {
    private static final int CLIENTS = 64;
    /** Heap after a full GC may grow by this much: caches fill up, nothing may pile up per request. */
    private static final long HEAP_MARGIN = 96L << 20;

    /** One kind of request, how often it is chosen, and the statuses it may answer. */
    record Operation(String name, int weight, Function<SplittableRandom, HttpRequest> request, List<Integer> expected) {}

    record Result(String operation, long nanos, int status, String error) {}

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8)).build();

    @Test
    void sixtyFourClientsMixingReadsAndWritesGetOnlyExpectedAnswersAndTheHeapStaysBounded(@TempDir Path work) throws Exception {
        boolean long_ = Boolean.getBoolean("reelgraph.long");
        Duration duration = Duration.ofSeconds(long_ ? 60 : 10);
        if (long_) {
            try (ServerProcess server = ServerProcess.start(work.resolve("tdb2"), work.resolve("server.log"), "1g")) {
                soak(server::uri, ServerProcess.TOKEN, duration, () -> processHeapAfterGc(server.pid()));
            }
        } else {
            try (RunningServer server = RunningServer.start(work.resolve("tdb2"))) {
                soak(server::uri, RunningServer.TOKEN, duration, SoakTest::heapAfterGc);
            }
        }
    }

    private void soak(Function<String, URI> uri, String token, Duration duration, java.util.function.LongSupplier heap) throws Exception {
        List<Operation> operations = operations(uri, token);
        // Warm up (models, caches, JIT) so the heap baseline is the steady state, not the empty one.
        run(operations, 8, Duration.ofSeconds(3));
        long heapBefore = heap.getAsLong();
        long start = System.nanoTime();
        List<Result> results = run(operations, CLIENTS, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = heap.getAsLong();

        List<Result> errors = results.stream().filter(r -> r.error() != null).toList();
        System.out.printf("SoakTest: %d clients, %d requests in %.1f s (%.0f req/s), %d errors; p50 %.2f ms, p99 %.2f ms; heap after GC %d -> %d MB%n",
                CLIENTS, results.size(), seconds, results.size() / seconds, errors.size(), percentile(results, 50), percentile(results, 99),
                heapBefore >> 20, heapAfter >> 20);
        Map<String, List<Result>> byOperation = new TreeMap<>();
        results.forEach(r -> byOperation.computeIfAbsent(r.operation(), k -> new ArrayList<>()).add(r));
        byOperation.forEach((name, rs) -> System.out.printf("SoakTest:   %-28s %6d requests, p50 %7.2f ms, p99 %7.2f ms%n",
                name, rs.size(), percentile(rs, 50), percentile(rs, 99)));
        assertEquals(List.of(), errors.stream().limit(10).map(r -> r.operation() + ": " + r.error()).toList(), errors.size() + " errors");
        assertTrue(results.size() > CLIENTS, "the clients made requests");
        assertTrue(heapAfter - heapBefore < HEAP_MARGIN, "heap after GC grew from " + (heapBefore >> 20) + " to " + (heapAfter >> 20) + " MB");
    }

    private List<Result> run(List<Operation> operations, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + duration.toNanos();
        int total = operations.stream().mapToInt(Operation::weight).sum();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c);
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    int pick = random.nextInt(total);
                    Operation op = operations.get(0);
                    for (Operation o : operations) {
                        if (pick < o.weight()) {
                            op = o;
                            break;
                        }
                        pick -= o.weight();
                    }
                    results.add(call(op, random));
                }
                return null;
            }));
        }
        for (Future<?> f : futures)
            f.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
        pool.shutdown();
        return new ArrayList<>(results);
    }

    private Result call(Operation op, SplittableRandom random) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(op.request().apply(random), HttpResponse.BodyHandlers.ofByteArray());
            long nanos = System.nanoTime() - start;
            boolean ok = op.expected().contains(response.statusCode());
            return new Result(op.name(), nanos, response.statusCode(), ok ? null
                    : response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
        } catch (IOException e) {
            return new Result(op.name(), System.nanoTime() - start, 0, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(op.name(), System.nanoTime() - start, 0, "interrupted");
        }
    }

    private static List<Operation> operations(Function<String, URI> uri, String token) {
        String[] films = {"ballerina-2025", "john-wick-2014", "john-wick-chapter-4-2023"};
        String[] franchises = {"john-wick", "star-wars", "alien", "wizarding-world"};
        Function<String, HttpRequest.Builder> at = path -> HttpRequest.newBuilder(uri.apply(path)).timeout(Duration.ofSeconds(60));
        return List.of(
                new Operation("SPARQL point lookup", 30, r -> at.apply("/reelgraph/sparql?query=" + URLEncoder.encode(
                        "SELECT ?d { <https://w3id.org/reelgraph/id/film/" + films[r.nextInt(films.length)]
                                + "> <https://w3id.org/reelgraph/ontology#directedBy> ?d }", StandardCharsets.UTF_8))
                        .header("Accept", "application/sparql-results+json").build(), List.of(200)),
                new Operation("GET /api/films/{slug}", 20, r -> at.apply("/api/films/" + films[r.nextInt(films.length)]).build(), List.of(200)),
                new Operation("GET chronology", 15, r -> at.apply("/api/franchises/" + franchises[r.nextInt(franchises.length)]
                        + "/chronology?order=" + (r.nextBoolean() ? "story" : "release")).build(), List.of(200)),
                new Operation("GET /id/film (Turtle)", 10, r -> at.apply("/id/film/" + films[r.nextInt(films.length)])
                        .header("Accept", "text/turtle").build(), List.of(200)),
                new Operation("HEAD /dumps/reelgraph.nt", 5, r -> at.apply("/dumps/reelgraph.nt")
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), List.of(200)),
                new Operation("PUT scratch graph", 15, r -> at.apply("/reelgraph/data?graph=" + URLEncoder.encode(
                        "urn:x-soak:scratch-" + r.nextInt(CLIENTS), StandardCharsets.UTF_8))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/n-triples")
                        .PUT(HttpRequest.BodyPublishers.ofString(scratch(r))).build(), List.of(200, 201, 204)),
                new Operation("POST /api/reviews", 1, r -> at.apply("/api/reviews")
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString("From the World of John Wick: Ballerina (2025) is directed by Len Wiseman."
                                + " Ana de Armas plays Eve. Soak review " + r.nextInt(4) + ".")).build(), List.of(201)));
    }

    private static String scratch(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(20);
        for (int i = 0; i < n; i++)
            b.append("<urn:x-soak:s").append(i).append("> <urn:x-soak:p> \"").append(random.nextLong()).append("\" .\n");
        return b.toString();
    }

    private static double percentile(List<Result> results, int p) {
        List<Long> nanos = new ArrayList<>(results.stream().map(Result::nanos).toList());
        if (nanos.isEmpty())
            return 0;
        Collections.sort(nanos);
        return nanos.get(Math.min(nanos.size() - 1, (int) Math.ceil(p / 100.0 * nanos.size()) - 1)) / 1e6;
    }

    /** Used heap of this JVM after a full collection. */
    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            ServerProcess.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Used heap of the server process after a full collection, by jcmd. */
    private static long processHeapAfterGc(long pid) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
            Process info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            Matcher m = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K").matcher(text);
            if (!m.find())
                throw new AssertionError("jcmd GC.heap_info said: " + text);
            return Long.parseLong(m.group(1)) << 10;
        } catch (IOException e) {
            throw new AssertionError("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
