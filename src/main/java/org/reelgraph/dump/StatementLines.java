package org.reelgraph.dump;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

/**
 * The store as N-Triples or N-Quads lines (UTF-8, without the newline), ready to be sorted. Blank
 * nodes get stable labels ({@link BlankLabels}); IRIs are formatted once and kept by id while they
 * keep coming up.
 */
final class StatementLines<I> {
    private static final Node REIFIES = RDF.reifies.asNode();
    private static final byte[] END = " .".getBytes(StandardCharsets.US_ASCII);

    /** Receives each line in {@code bytes[0, length)}, its subject in the first {@code subject} bytes; the array is reused for the next line. */
    @FunctionalInterface
    interface LineSink {
        void line(byte[] bytes, int length, int subject);
    }

    private final DumpSource<I> source;
    private final BlankLabels<I> labels;
    /** rdf:reifies as the store knows it; null when no statement uses it. */
    private final I reifies;
    private final TermTexts<I> terms;
    private byte[] line = new byte[1024];
    private int length;

    StatementLines(DumpSource<I> source) {
        this.source = source;
        this.labels = new BlankLabels<>(source);
        this.terms = new TermTexts<>(source, 1 << 16);
        this.reifies = source.id(REIFIES);
    }

    /**
     * The union of the named graphs as plain RDF 1.1: RDF 1.2 annotations (the statements of
     * reifiers and those with triple terms) are left out. Read from the quads; the sort that follows
     * removes the duplicates.
     */
    void unionFacts(LineSink sink) {
        source.forEachQuad((g, s, p, o) -> {
            // Blank nodes are labelled by what their own graph says of them.
            if (g == null || p.equals(reifies) || isReifier(g, s))
                return;
            byte[] subject = term(s, g, false);
            byte[] object = subject == null ? null : term(o, g, false);
            if (object == null)
                return;
            length = 0;
            append(subject);
            append((byte) ' ');
            append(term(p, g, true));
            append((byte) ' ');
            append(object);
            append(END);
            sink.line(line, length, subject.length);
        });
    }

    /** Every quad of every graph, annotations included. */
    void quads(LineSink sink) {
        source.forEachQuad((g, s, p, o) -> {
            length = 0;
            int subject = statement(s, p, o, g);
            if (g != null) {
                append((byte) ' ');
                append(term(g, null, true));
            }
            append(END);
            sink.line(line, length, subject);
        });
    }

    /** Appends "s p o"; returns the length of s. */
    private int statement(I s, I p, I o, I graph) {
        byte[] subject = term(s, graph, true);
        append(subject);
        append((byte) ' ');
        append(term(p, graph, true));
        append((byte) ' ');
        append(term(o, graph, true));
        return subject.length;
    }

    private I lastGraph;
    private I lastSubject;
    private boolean lastSubjectIsReifier;

    /** A reifier says {@code rdf:reifies} in the same graph; its statements are annotations. */
    private boolean isReifier(I graph, I s) {
        if (reifies == null)
            return false;
        // Quads usually come grouped by graph and subject: one look-up per subject.
        if (!s.equals(lastSubject) || !graph.equals(lastGraph)) {
            lastGraph = graph;
            lastSubject = s;
            lastSubjectIsReifier = source.contains(graph, s, reifies);
        }
        return lastSubjectIsReifier;
    }

    /**
     * N-Triples form of a term; {@code graph} scopes blank nodes (null = the union). A triple term
     * gives null unless {@code tripleTerms}: plain RDF 1.1 leaves out the statements that hold one.
     */
    private byte[] term(I id, I graph, boolean tripleTerms) {
        byte[] known = terms.known(id);
        if (known != null)
            return known;
        Node node = source.node(id);
        if (node.isBlank())
            return ("_:" + labels.label(id, node, graph)).getBytes(StandardCharsets.UTF_8);
        if (node.isTripleTerm())
            return tripleTerms ? labels.term(node, graph).getBytes(StandardCharsets.UTF_8) : null;
        return terms.of(id, node);
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
