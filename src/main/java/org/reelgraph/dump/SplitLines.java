package org.reelgraph.dump;

/** The lines of a sorted source below a pivot line, or from it on: half of a merge shared by two threads. */
final class SplitLines extends FilteredLines {
    private final byte[] pivot;
    private final boolean below;
    private boolean skipped;

    private SplitLines(SortedLines lines, byte[] pivot, boolean below) {
        super(lines);
        this.pivot = pivot;
        this.below = below;
    }

    /** The lines before the first one not below {@code pivot}. */
    static SortedLines below(SortedLines lines, byte[] pivot) {
        return new SplitLines(lines, pivot, true);
    }

    /** The lines from the first one not below {@code pivot} on. */
    static SortedLines from(SortedLines lines, byte[] pivot) {
        return new SplitLines(lines, pivot, false);
    }

    @Override
    public boolean next() {
        if (below) {
            if (lines.next() && isBelow())
                return true;
            close();
            return false;
        }
        if (skipped)
            return lines.next();
        skipped = true;
        while (lines.next())
            if (!isBelow())
                return true;
        return false;
    }

    /** A source that is a file is closed once it has given what this half wants. */
    private void close() {
        if (lines instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // The sort closes it again when it is closed.
            }
        }
    }

    private boolean isBelow() {
        return LineOrder.compare(lines.bytes(), lines.offset(), lines.length(), pivot, 0, pivot.length) < 0;
    }
}
