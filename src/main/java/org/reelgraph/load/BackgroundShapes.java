package org.reelgraph.load;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
    private static final Triple[] END = new Triple[0];

    private final StreamedShapes shapes;
    private final BlockingQueue<Triple[]> queue = new ArrayBlockingQueue<>(32);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reelgraph-shacl");
        t.setDaemon(true);
        return t;
    });
    private final Future<Set<Node>> result;
    private Triple[] batch = new Triple[BATCH];
    private int batched;
    private boolean finished;

    BackgroundShapes(StreamedShapes shapes) {
        this.shapes = shapes;
        this.result = thread.submit(this::run);
    }

    private Set<Node> run() throws InterruptedException {
        while (true) {
            Triple[] next = queue.take();
            if (next == END)
                return shapes.finish();
            for (Triple t : next) {
                if (t == null)
                    break;
                shapes.add(t);
            }
        }
    }

    /** Adds a triple (one thread only). */
    void add(Triple t) {
        batch[batched++] = t;
        if (batched == BATCH) {
            hand(batch);
            batch = new Triple[BATCH];
            batched = 0;
        }
    }

    private void hand(Triple[] triples) {
        try {
            while (!queue.offer(triples, 100, TimeUnit.MILLISECONDS)) {
                if (result.isDone()) {
                    await();
                    throw new IllegalStateException("the SHACL thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking shapes", e);
        }
    }

    /** Waits for the last chunk; the suspects as {@link StreamedShapes#finish} gives them. */
    Set<Node> finish() {
        if (batched > 0)
            hand(batch);
        hand(END);
        finished = true;
        return await();
    }

    /** After {@link #finish}: see {@link StreamedShapes#overflow}. */
    boolean overflow() {
        return shapes.overflow();
    }

    private Set<Node> await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking shapes", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            if (e.getCause() instanceof Error err)
                throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (!finished)
            result.cancel(true);
        thread.shutdownNow();
    }
}
