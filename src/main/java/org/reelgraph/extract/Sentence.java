package org.reelgraph.extract;

/** Tokens {@code [from, to)} of the document, a sentence of line {@code line}. */
record Sentence(int from, int to, int start, int end, int line) {}
