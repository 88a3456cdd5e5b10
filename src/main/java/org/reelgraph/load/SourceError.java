package org.reelgraph.load;

/** One problem in one input, printed the way compilers do: {@code data/x.ttl:41: message}. */
public record SourceError(String source, long line, String message) {

    /** A problem whose line is unknown (for example a whole-file problem). */
    public static SourceError of(String source, String message) {
        return new SourceError(source, 0, message);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
