package org.reelgraph.load;

import java.nio.file.Path;

import org.apache.jena.graph.Node;

/**
 * One input and the named graph it goes to: a file, or text received over HTTP ({@code content}).
 *
 * @param path    the file, or null for text given as {@code content}
 * @param name    how messages and provenance name the input (relative to the project home when inside it)
 * @param review  true for a review text, false for an RDF file
 * @param content the bytes when the input is not a file, else null
 */
public record Source(Path path, String name, Node graph, boolean review, byte[] content) {

    public Source(Path path, String name, Node graph, boolean review) {
        this(path, name, graph, review, null);
    }

    /** A review received as text (e.g. {@code POST /api/reviews}). */
    public static Source reviewText(String name, Node graph, byte[] content) {
        return new Source(null, name, graph, true, content);
    }

    /** The content, read from the file when there is one ({@link LoadException} naming it when it cannot be read). */
    public byte[] bytes() {
        return content != null ? content : Sources.read(path, name);
    }
}
