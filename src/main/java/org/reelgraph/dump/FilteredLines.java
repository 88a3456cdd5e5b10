package org.reelgraph.dump;

/** Sorted lines that pass on some of another source's lines: its current line is theirs. */
abstract class FilteredLines implements SortedLines {
    protected final SortedLines lines;

    FilteredLines(SortedLines lines) {
        this.lines = lines;
    }

    @Override
    public byte[] bytes() {
        return lines.bytes();
    }

    @Override
    public int offset() {
        return lines.offset();
    }

    @Override
    public int length() {
        return lines.length();
    }
}
