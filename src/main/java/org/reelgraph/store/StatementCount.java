package org.reelgraph.store;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The number of statements in a store ({@link Store#quadCount()}), counted once per data version:
 * a metrics scrape every few seconds must not walk a 10-million-statement store each time, and
 * between writes the number cannot change.
 */
public final class StatementCount {
    private record Counted(String version, long statements) {}

    private final Store store;
    private final AtomicReference<Counted> last = new AtomicReference<>();

    public StatementCount(Store store) {
        this.store = store;
    }

    public long current() {
        return store.read(() -> {
            String version = store.version().tag();
            Counted counted = last.get();
            if (counted != null && counted.version().equals(version))
                return counted.statements();
            // Counted in the same read transaction as the version, so the pair is consistent.
            long statements = store.quadCount();
            last.set(new Counted(version, statements));
            return statements;
        });
    }
}
