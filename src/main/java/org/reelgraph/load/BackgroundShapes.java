package org.reelgraph.load;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * {@link StreamedShapes} on a thread of its own, fed in batches: with the parser on one thread and
 * the node table on another, the SHACL chunks (a third of the parsing thread's time, measured with
 * JFR on 1M triples) no longer hold the parser up; the scheduler spreads the three over the cores.
 * Triples are checked in the order added, so the result is the same as on the parsing thread.
 */
final class BackgroundShapes implements AutoCloseable {
    private static final int BATCH = 4096;

    private final StreamedShapes shapes;
    private final BatchHandOff<Triple> handOff = new BatchHandOff<>(BATCH, 32, "the SHACL thread");
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reelgraph-shacl");
        t.setDaemon(true);
        return t;
    });
    private final Future<Set<Node>> result;
    private boolean finished;

    BackgroundShapes(StreamedShapes shapes) {
        this.shapes = shapes;
        this.result = thread.submit(this::run);
        handOff.consumedBy(result);
    }

    private Set<Node> run() throws InterruptedException {
        for (List<Triple> next = handOff.take(); next != null; next = handOff.take())
            next.forEach(shapes::add);
        return shapes.finish();
    }

    /** Adds a triple (one thread only). */
    void add(Triple t) {
        handOff.add(t);
    }

    /** Waits for the last chunk; the suspects as {@link StreamedShapes#finish} gives them. */
    Set<Node> finish() {
        handOff.finish();
        finished = true;
        return BatchHandOff.await(result, "the SHACL thread");
    }

    /** After {@link #finish}: see {@link StreamedShapes#overflow}. */
    boolean overflow() {
        return shapes.overflow();
    }

    @Override
    public void close() {
        if (!finished)
            result.cancel(true);
        thread.shutdownNow();
    }
}
