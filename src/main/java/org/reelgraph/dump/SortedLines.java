package org.reelgraph.dump;

/** A cursor over lines in order: after {@link #next()} returns true, the line is {@code bytes()[offset(), offset() + length())}. */
public interface SortedLines {
    boolean next();

    byte[] bytes();

    int offset();

    int length();
}
