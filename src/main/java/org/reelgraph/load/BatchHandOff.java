package org.reelgraph.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Statements handed from the parsing thread to one worker thread, in batches through a bounded queue (one
 * queue operation per batch, not per statement). The producer blocks while the worker is behind; when the
 * worker has stopped, the producer fails with the worker's own error.
 */
final class BatchHandOff<T> {
    /** Marks the end; compared by identity. */
    private final List<T> end = new ArrayList<>(0);
    private final int batchSize;
    private final BlockingQueue<List<T>> queue;
    private final String worker;
    private Future<?> consumer;
    private List<T> batch;

    /** @param worker what the worker thread does, for messages ("the SHACL thread") */
    BatchHandOff(int batchSize, int batchesQueued, String worker) {
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(batchesQueued);
        this.worker = worker;
        this.batch = new ArrayList<>(batchSize);
    }

    /** The worker's task, whose end (normal or not) stops a producer waiting for room. */
    void consumedBy(Future<?> consumer) {
        this.consumer = consumer;
    }

    /** Adds an item (producer thread only). */
    void add(T item) {
        batch.add(item);
        if (batch.size() == batchSize) {
            hand(batch);
            batch = new ArrayList<>(batchSize);
        }
    }

    /** Hands on what is left and the end (producer thread only). */
    void finish() {
        if (!batch.isEmpty())
            hand(batch);
        hand(end);
    }

    /** Drops what is queued and tells the worker to stop (any thread): for a load that failed. */
    void abandon() {
        queue.clear();
        queue.offer(end);
    }

    /** The next batch, or null at the end (worker thread). */
    List<T> take() throws InterruptedException {
        List<T> next = queue.take();
        return next == end ? null : next;
    }

    private void hand(List<T> items) {
        try {
            while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                if (consumer.isDone()) {
                    await(consumer, worker);
                    throw new IllegalStateException(worker + " stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + worker, e);
        }
    }

    /** The task's result; its own exception when it failed. */
    static <V> V await(Future<V> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            if (e.getCause() instanceof Error err)
                throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
