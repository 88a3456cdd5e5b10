package org.reelgraph.dump;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

/**
 * The store as N-Triples or N-Quads lines (UTF-8, without the newline), ready to be sorted. Blank
 * nodes get stable labels ({@link BlankLabels}); IRIs and literals are formatted once and kept by id
 * while they keep coming up.
 */
final class StatementLines<I> {
    private static final Node REIFIES = RDF.reifies.asNode();
    private static final byte[] END = " .".getBytes(StandardCharsets.US_ASCII);

    /** Receives each line in {@code bytes[0, length)}; the array is reused for the next line. */
    @FunctionalInterface
    interface LineSink {
        void line(byte[] bytes, int length);
    }

    private final DumpSource<I> source;
    private final BlankLabels<I> labels;
    /** rdf:reifies as the store knows it; null when no statement uses it. */
    private final I reifies;
    private final DirectMappedCache<I, byte[]> terms = new DirectMappedCache<>(1 << 17);
    private byte[] line = new byte[1024];
    private int length;

    StatementLines(DumpSource<I> source) {
        this.source = source;
        this.labels = new BlankLabels<>(source);
        this.reifies = source.id(REIFIES);
    }

    /**
     * The union of the named graphs as plain RDF 1.1: RDF 1.2 annotations (reifiers, triple terms)
     * are left out. Read from the quads; the sort that follows removes the duplicates.
     */
    void unionFacts(LineSink sink) {
        source.forEachQuad((g, s, p, o) -> {
            // Blank nodes are labelled by what their own graph says of them.
            if (g == null || isAnnotation(g, s, p, o))
                return;
            length = 0;
            statement(s, p, o, g);
            append(END);
            sink.line(line, length);
        });
    }

    /** Every quad of every graph, annotations included. */
    void quads(LineSink sink) {
        source.forEachQuad((g, s, p, o) -> {
            length = 0;
            statement(s, p, o, g);
            if (g != null) {
                append((byte) ' ');
                append(term(g, null));
            }
            append(END);
            sink.line(line, length);
        });
    }

    private void statement(I s, I p, I o, I graph) {
        append(term(s, graph));
        append((byte) ' ');
        append(term(p, graph));
        append((byte) ' ');
        append(term(o, graph));
    }

    private I lastGraph;
    private I lastSubject;
    private boolean lastSubjectIsReifier;

    /** Annotations are the reifier's statements; a reifier says {@code rdf:reifies} in the same graph. */
    private boolean isAnnotation(I graph, I s, I p, I o) {
        if (reifies == null)
            return isTripleTerm(o) || isTripleTerm(s);
        if (p.equals(reifies) || isTripleTerm(o) || isTripleTerm(s))
            return true;
        // Quads usually come grouped by graph and subject: one look-up per subject.
        if (!s.equals(lastSubject) || !graph.equals(lastGraph)) {
            lastGraph = graph;
            lastSubject = s;
            lastSubjectIsReifier = source.contains(graph, s, reifies);
        }
        return lastSubjectIsReifier;
    }

    private boolean isTripleTerm(I id) {
        return terms.get(id) == null && source.node(id).isTripleTerm();
    }

    /** N-Triples form of a term; {@code graph} scopes blank nodes (null = the union). */
    private byte[] term(I id, I graph) {
        byte[] cached = terms.get(id);
        if (cached != null)
            return cached;
        Node node = source.node(id);
        if (node.isBlank())
            return ("_:" + labels.label(id, node, graph)).getBytes(StandardCharsets.UTF_8);
        if (node.isTripleTerm())
            return labels.term(node, graph).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = NTerms.format(node).getBytes(StandardCharsets.UTF_8);
        terms.put(id, bytes);
        return bytes;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, line, length, bytes.length);
        length += bytes.length;
    }

    private void append(byte b) {
        ensure(1);
        line[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > line.length)
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + more));
    }
}
