package org.reelgraph.http;

/**
 * Watches a request body byte by byte, as it streams to Fuseki, for what the parsers cannot take:
 * bytes that are not UTF-8 (Jena replaces them silently), brackets nested so deep that a recursive
 * parser or the query compiler overflows its stack (a 500 from Fuseki), and, in SPARQL, UNION
 * chains long enough to do the same. {@link #refusal()} says why the input was refused, or null.
 */
final class InputShape {
    /** Measured here: 300 nested brackets parse in every syntax, 1,000 overflow some of them. */
    static final int MAX_DEPTH = 256;
    /** Measured here: a 2,000-branch UNION runs, 5,000 overflow the query compiler. */
    static final int MAX_UNIONS = 1000;
    private static final byte[] UNION = {'U', 'N', 'I', 'O', 'N'};
    private static final byte[] LOAD = {'L', 'O', 'A', 'D'};

    private final boolean utf8;
    private final boolean sparql;
    private long offset;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private int unionMatched;
    private int unions;
    private int loadMatched;
    private boolean load;
    private int continuation;
    private int codePoint;
    private int minimum;
    private String refusal;

    /**
     * @param utf8   check the bytes are UTF-8
     * @param sparql count UNION keywords too
     */
    InputShape(boolean utf8, boolean sparql) {
        this.utf8 = utf8;
        this.sparql = sparql;
    }

    /** Checks a parameter value (already decoded text) the same way. */
    static String refusal(String text, boolean sparql) {
        InputShape shape = new InputShape(false, sparql);
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            if (!shape.accept(b & 0xFF))
                break;
        return shape.refusal();
    }

    String refusal() {
        return refusal;
    }

    /** True when the SPARQL text has the word LOAD outside strings (a LOAD operation, most likely). */
    boolean mentionsLoad() {
        return load;
    }

    /** Feeds one byte (0-255); false once the input is refused. */
    boolean accept(int b) {
        if (refusal != null)
            return false;
        if (utf8 && !utf8(b))
            return false;
        offset++;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (b == '\\')
                escaped = true;
            else if (b == '"')
                inString = false;
            return true;
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[', '(' -> {
                if (++depth > MAX_DEPTH)
                    refusal = "brackets are nested more than " + MAX_DEPTH + " deep (at byte " + offset
                            + "); this server reads at most " + MAX_DEPTH + " levels: flatten the input";
            }
            case '}', ']', ')' -> depth = Math.max(0, depth - 1);
            default -> {
                if (sparql) {
                    countUnion(b);
                    watchLoad(b);
                }
            }
        }
        return refusal == null;
    }

    /** At the end of the input: a multi-byte character cut short is not UTF-8 either. */
    boolean end() {
        if (refusal == null && utf8 && continuation > 0)
            refusal = "the body ends inside a UTF-8 character: send the text as UTF-8";
        return refusal == null;
    }

    private void countUnion(int b) {
        int upper = b >= 'a' && b <= 'z' ? b - 32 : b;
        if (upper == UNION[unionMatched]) {
            if (++unionMatched == UNION.length) {
                unionMatched = 0;
                if (++unions > MAX_UNIONS)
                    refusal = "the query has more than " + MAX_UNIONS + " UNIONs; this server runs at most " + MAX_UNIONS
                            + ": list the alternatives with VALUES or split the query";
            }
        } else {
            unionMatched = upper == 'U' ? 1 : 0;
        }
    }

    private void watchLoad(int b) {
        int upper = b >= 'a' && b <= 'z' ? b - 32 : b;
        if (upper == LOAD[loadMatched]) {
            if (++loadMatched == LOAD.length) {
                loadMatched = 0;
                load = true;
            }
        } else {
            loadMatched = upper == 'L' ? 1 : 0;
        }
    }

    private boolean utf8(int b) {
        if (continuation == 0) {
            if (b < 0x80)
                return true;
            if ((b & 0xE0) == 0xC0) {
                continuation = 1;
                codePoint = b & 0x1F;
                minimum = 0x80;
            } else if ((b & 0xF0) == 0xE0) {
                continuation = 2;
                codePoint = b & 0x0F;
                minimum = 0x800;
            } else if ((b & 0xF8) == 0xF0) {
                continuation = 3;
                codePoint = b & 0x07;
                minimum = 0x10000;
            } else {
                return notUtf8(b);
            }
            return true;
        }
        if ((b & 0xC0) != 0x80)
            return notUtf8(b);
        codePoint = codePoint << 6 | (b & 0x3F);
        if (--continuation == 0 && (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)))
            return notUtf8(b);
        return true;
    }

    private boolean notUtf8(int b) {
        refusal = String.format("invalid UTF-8 byte 0x%02X at byte %d: send the text as UTF-8", b, offset);
        return false;
    }
}
