package org.reelgraph.dump;

import java.util.function.BiConsumer;

/**
 * A window onto quads sorted by (graph, key node), as 64-bit ids compared unsigned: the key is the
 * subject for an index in GSPO order, the object for GOSP. The other two columns come after, in the
 * index's order. The quads of a key node that lie whole in the window are known without an index
 * look-up. Two ways to move: {@link #advance()} hands quads out one by one, reading ahead of the
 * one handed out (so the subjects coming up soon, such as the blank nodes a subject points to, are
 * known); {@link #seek} only reads forward as far as a look-up needs, keeping the latest quads. A
 * window never holds more than {@code capacity} quads; when a key node has more, or the quads turn
 * out not to be in order, look-ups answer "unknown".
 */
final class QuadWindow {
    /** Fills {@code quad} with the four ids of the next quad, in index order; false at the end. */
    @FunctionalInterface
    interface Source {
        boolean next(long[] quad);
    }

    private final Source source;
    private final int capacity;
    private final int mask;
    private final long[] graphs;
    private final long[] keys;
    private final long[] thirds;
    private final long[] fourths;
    private final long[] read = new long[4];
    /** Positions count quads from the start; the window holds [base, end). */
    private long base;
    private long end;
    private long current = -1;
    /** Whether the quad before {@code base} (if any) has another (graph, key). */
    private boolean baseStartsGroup = true;
    private boolean exhausted;
    private boolean ordered;

    /** {@code ordered}: the source promises (graph, key) order; otherwise look-ups always answer "unknown". */
    QuadWindow(int capacity, boolean ordered, Source source) {
        this.capacity = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.mask = this.capacity - 1;
        this.graphs = new long[this.capacity];
        this.keys = new long[this.capacity];
        this.thirds = new long[this.capacity];
        this.fourths = new long[this.capacity];
        this.ordered = ordered;
        this.source = source;
    }

    /** Moves to the next quad; false after the last. */
    boolean advance() {
        long next = current + 1;
        if (next == end) {
            if (end - base == capacity) {
                // A key with more quads than the window: drop those handed out already.
                base = next;
                baseStartsGroup = false;
            }
            if (!read())
                return false;
        }
        if (current < 0 || graphs[slot(next)] != graph() || keys[slot(next)] != key()) {
            base = next;
            baseStartsGroup = true;
        }
        current = next;
        while (end - base < capacity && read()) {
            // Read ahead as far as the window allows.
        }
        return true;
    }

    /** The current quad's graph, after {@link #advance()}. */
    long graph() {
        return graphs[slot(current)];
    }

    long key() {
        return keys[slot(current)];
    }

    long third() {
        return thirds[slot(current)];
    }

    long fourth() {
        return fourths[slot(current)];
    }

    /**
     * Reads forward until the window has passed {@code (graph, key)}, dropping the oldest quads to
     * make room, then looks it up as {@link #lookUp} does. For look-ups that mostly come in order.
     */
    boolean seek(long graph, long key, BiConsumer<Long, Long> sink) {
        while (ordered && (end == base || compare(slot(end - 1), graph, key) <= 0)) {
            if (end - base == capacity) {
                // The oldest quad goes; the next one starts a group if its key differs.
                baseStartsGroup = compare(slot(base + 1), graphs[slot(base)], keys[slot(base)]) != 0;
                base++;
            }
            if (!read())
                break;
        }
        return lookUp(graph, key, sink);
    }

    /**
     * Hands the last two ids of every quad of {@code key} in {@code graph} to {@code sink} and
     * returns true if the window holds all of them (perhaps none); returns false, handing out
     * nothing, when it cannot tell.
     */
    boolean lookUp(long graph, long key, BiConsumer<Long, Long> sink) {
        long from = groupStart(graph, key);
        if (from < 0)
            return false;
        long to = groupEnd(from, graph, key);
        if (to < 0)
            return false;
        for (long i = from; i < to; i++)
            sink.accept(thirds[slot(i)], fourths[slot(i)]);
        return true;
    }

    /** Whether a quad of {@code key} in {@code graph} has {@code third} as its third id: 1 yes, 0 no, -1 cannot tell. */
    int holds(long graph, long key, long third) {
        long from = groupStart(graph, key);
        if (from < 0)
            return -1;
        long to = groupEnd(from, graph, key);
        if (to < 0)
            return -1;
        for (long i = from; i < to; i++)
            if (thirds[slot(i)] == third)
                return 1;
        return 0;
    }

    /** Where the quads of (graph, key) start in the window, or -1 if it cannot tell they all are there. */
    private long groupStart(long graph, long key) {
        if (!ordered || base == end)
            return -1;
        // The current quad's group starts the window: no search for it.
        long from = current >= base && graph == graph() && key == key() ? base : lowerBound(graph, key);
        boolean found = from < end && graphs[slot(from)] == graph && keys[slot(from)] == key;
        // Known from its start: something before it is in the window, or nothing was ever dropped, or
        // it starts the window and the quad dropped last had another key.
        return from > base || base == 0 || (baseStartsGroup && found) ? from : -1;
    }

    /** Where the quads of (graph, key) starting at {@code from} end, or -1 if they may go on past the window. */
    private long groupEnd(long from, long graph, long key) {
        long to = from;
        while (to < end && graphs[slot(to)] == graph && keys[slot(to)] == key)
            to++;
        return to < end || exhausted ? to : -1;
    }

    /**
     * The first position in the window whose (graph, key) is not below the given one. Look-ups are
     * mostly for keys just ahead of the current quad: gallop forward from it first, then search.
     */
    private long lowerBound(long graph, long key) {
        long low = base;
        long high = end;
        if (current >= base && current < end && compare(slot(current), graph, key) < 0) {
            low = current + 1;
            for (long step = 1; low + step < end; step <<= 1) {
                if (compare(slot(low + step), graph, key) >= 0) {
                    high = low + step;
                    break;
                }
                low = low + step + 1;
            }
        }
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (compare(slot(mid), graph, key) < 0)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }

    private int compare(int slot, long graph, long key) {
        int c = Long.compareUnsigned(graphs[slot], graph);
        return c != 0 ? c : Long.compareUnsigned(keys[slot], key);
    }

    private boolean read() {
        if (exhausted || !source.next(read)) {
            exhausted = true;
            return false;
        }
        if (end > 0 && compare(slot(end - 1), read[0], read[1]) > 0)
            ordered = false;
        int slot = slot(end);
        graphs[slot] = read[0];
        keys[slot] = read[1];
        thirds[slot] = read[2];
        fourths[slot] = read[3];
        end++;
        return true;
    }

    private int slot(long position) {
        return (int) (position & mask);
    }
}
