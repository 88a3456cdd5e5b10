package org.reelgraph.store;

/**
 * A remote store answered a read of a whole graph with fewer statements than it counts in that graph: the
 * answer was cut short without an error (seen with Virtuoso on a 10-million-statement graph). What was read
 * is not to be used as the graph; reading again later may succeed.
 */
public final class IncompleteAnswer extends RuntimeException {
    IncompleteAnswer(String message) {
        super(message);
    }
}
