package org.reelgraph.dump;

import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Node;

/**
 * The N-Triples bytes of IRIs and literals by id, for the dump's lines and blank-node labels. IRIs
 * are cached (they come up again and again); most literals come up once, and keeping them would
 * only make garbage.
 */
final class TermTexts<I> {
    private final DumpSource<I> source;
    private final DirectMappedCache<I, byte[]> iris;

    TermTexts(DumpSource<I> source, int slots) {
        this.source = source;
        this.iris = new DirectMappedCache<>(slots);
    }

    /** The bytes of a cached IRI or of a term storage gives without a node, else null: then {@link #of(Object, Node)}. */
    byte[] known(I id) {
        byte[] text = iris.get(id);
        if (text != null)
            return text;
        byte[] plain = source.plainTerm(id);
        if (plain != null && plain[0] == '<')
            iris.put(id, plain);
        return plain;
    }

    /** The bytes of {@code node}, an IRI or literal with id {@code id}. */
    byte[] of(I id, Node node) {
        byte[] text = NTerms.format(node).getBytes(StandardCharsets.UTF_8);
        if (node.isURI())
            iris.put(id, text);
        return text;
    }
}
