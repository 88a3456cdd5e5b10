package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ReviewIngest;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.RemoteTimeouts;
import org.reelgraph.store.Store;
import org.reelgraph.testing.FusekiProcess;
import org.reelgraph.testing.Isomorphic;

/**
 * An ingest is one SPARQL Update request, so a store killed (SIGKILL) in the middle of a stream of
 * ingests holds each review graph whole or not at all after it restarts over the same TDB2, and
 * every ingest reelgraph acknowledged (201) is there. What "whole" means is what the extractor makes
 * of the same text in an embedded store.
 */
class KillDuringIngestsTest {
    /** Posted by the streams while the store is killed; one more is posted after it is back. */
    private static final int STREAMED = 8;
    private static final int STREAMS = 2;

    @Test
    void aStoreKilledDuringIngestsHoldsEveryReviewGraphWholeOrNotAtAll(@TempDir Path dir) throws Exception {
        String seed = Files.readString(Path.of("seeds", "ballerina-2025-review.txt"));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i <= STREAMED; i++)
            texts.add(seed + "\n\nReader copy " + (i + 1) + ".\n");
        Expected expected = expected(texts);

        try (FusekiProcess fuseki = FusekiProcess.start(Files.createDirectory(dir.resolve("fuseki")))) {
            RemoteStores.load(fuseki.queryEndpoint());
            Store remote = Store.remote(RemoteEndpoints.of(fuseki.queryEndpoint()),
                    new RemoteTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30)));
            Map<String, Integer> answers = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger(), acknowledged = new AtomicInteger();
            try (RunningServer server = RunningServer.over(remote, b -> b.timeout(Duration.ofSeconds(10)))) {
                List<Thread> streams = new ArrayList<>();
                for (int s = 0; s < STREAMS; s++) {
                    Thread stream = new Thread(() -> {
                        for (int i; (i = next.getAndIncrement()) < STREAMED; ) {
                            HttpResponse<String> answer = server.send(server.request("/api/reviews")
                                    .header("Authorization", "Bearer " + RunningServer.TOKEN)
                                    .header("Content-Type", "text/plain; charset=utf-8").POST(RunningServer.body(texts.get(i)))
                                    // An ingest over a remote store takes seconds, tens of them on a loaded machine.
                                    .timeout(Duration.ofMinutes(2)));
                            answers.put(texts.get(i), answer.statusCode());
                            if (answer.statusCode() == 201)
                                acknowledged.incrementAndGet();
                            else
                                assertEquals(503, answer.statusCode(), answer.body());
                        }
                    }, "ingest-stream-" + s);
                    stream.start();
                    streams.add(stream);
                }
                while (acknowledged.get() < 2)
                    Thread.sleep(20);
                fuseki.kill();
                int killedAt = acknowledged.get();
                Thread.sleep(1_000);
                fuseki.restart();
                for (Thread stream : streams)
                    stream.join(Duration.ofMinutes(2).toMillis());
                assertEquals(STREAMED, answers.size(), "every ingest was answered");
                // The same front end ingests again once the store is back, without a restart.
                String after = texts.get(STREAMED);
                HttpResponse<String> again = server.send(server.request("/api/reviews").header("Authorization", "Bearer " + RunningServer.TOKEN)
                        .header("Content-Type", "text/plain; charset=utf-8").POST(RunningServer.body(after)).timeout(Duration.ofMinutes(2)));
                assertEquals(201, again.statusCode(), again.body());
                answers.put(after, 201);
                System.out.printf("kill during ingests: %d of %d acknowledged before the kill%n", killedAt, STREAMED);
            }

            int whole = 0, absent = 0;
            try (Store check = Store.remote(RemoteEndpoints.of(fuseki.queryEndpoint()), Duration.ofSeconds(5))) {
                for (String text : texts) {
                    String graph = expected.graphOf().get(text);
                    Graph stored = check.read(() -> copy(check.dataset().getGraph(NodeFactory.createURI(graph))));
                    if (stored.isEmpty()) {
                        absent++;
                        assertTrue(answers.get(text) != 201, "acknowledged but missing: " + graph);
                    } else {
                        whole++;
                        assertTrue(Isomorphic.graphs(expected.graphs().get(graph), stored), graph + " is not what the extractor made: "
                                + stored.size() + " statements stored, " + expected.graphs().get(graph).size() + " expected");
                    }
                }
            }
            System.out.printf("kill during %d ingests: %d acknowledged, %d graphs whole, %d absent%n",
                    texts.size(), acknowledged.get(), whole, absent);
        }
    }

    /** Each text's review graph IRI, and that graph as the extractor makes it in an embedded store loaded the same way. */
    private record Expected(Map<String, String> graphOf, Map<String, Graph> graphs) {}

    private static Expected expected(List<String> texts) {
        Map<String, String> graphOf = new HashMap<>();
        Map<String, Graph> graphs = new HashMap<>();
        try (Store store = Store.inMemory()) {
            Sources sources = new Sources(Path.of("").toAbsolutePath());
            Loader loader = new Loader(store, ShapesCheck.of(sources), Clock.systemUTC());
            loader.load(sources.standard());
            ReviewIngest ingest = new ReviewIngest(store, loader);
            for (String text : texts) {
                String graph = ingest.ingest(text, "POST /api/reviews").graph();
                graphOf.put(text, graph);
                graphs.put(graph, store.read(() -> copy(store.dataset().getGraph(NodeFactory.createURI(graph)))));
            }
        }
        return new Expected(graphOf, graphs);
    }

    private static Graph copy(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        return copy;
    }
}
