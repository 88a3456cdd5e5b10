package org.reelgraph.dump;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Stable blank-node labels: a hash of what the node states (nested blank nodes by their own labels)
 * and of the statements pointing to it, within its graph, so the same data always gives the same
 * labels whatever labels the store gave them. Recent labels are kept (a bounded cache).
 */
final class BlankLabels<I> {
    private static final int MAX_DEPTH = 3;
    /** A label is wanted again soon after it is made (by the subject pointing to the node, then by the node's own quads). */
    private static final int CACHED = 1 << 13;

    /**
     * A blank node in a graph (null: the union) at a depth of the hashing; {@code blank} is its id, or the
     * node if the store has no id for it. The depth is part of the key: a label found deeper is cut short
     * (neighbours at the cut are "_"), and reusing it higher up would make a label depend on the order the
     * store gives its statements in (Virtuoso's differs from TDB2's).
     */
    private record Key(Object blank, Object graph, int depth) {}

    private final DumpSource<I> source;
    /** One digest for all labels (getting one is a provider look-up); digest() resets it. */
    private final MessageDigest sha256 = DigestUtils.getSha256Digest();
    private final DirectMappedCache<Key, String> labels = new DirectMappedCache<>(CACHED);
    /** Predicates, graphs and shared objects come up in label after label: their text, by id. */
    private final DirectMappedCache<I, byte[]> texts = new DirectMappedCache<>(1 << 10);
    private final TermTexts<I> terms;

    BlankLabels(DumpSource<I> source) {
        this.source = source;
        this.terms = new TermTexts<>(source, 1 << 14);
    }

    /** The label of blank node {@code node} (id {@code blank}) of {@code graph} (null: the union of the named graphs). */
    String label(I blank, Node node, I graph) {
        return label(blank, node, graph, 0);
    }

    /** N-Triples form of a term that is not a store id of its own: the parts of a triple term. */
    String term(Node node, I graph) {
        if (node.isBlank())
            return "_:" + label(source.id(node), node, graph, 0);
        if (node.isTripleTerm()) {
            Triple t = node.getTriple();
            return "<<( " + term(t.getSubject(), graph) + " " + term(t.getPredicate(), graph) + " " + term(t.getObject(), graph) + " )>>";
        }
        return NTerms.format(node);
    }

    private String label(I blank, Node node, I graph, int depth) {
        Key key = new Key(blank == null ? node : blank, graph, depth);
        String cached = labels.get(key);
        if (cached != null)
            return cached;
        // The hashed text: "> p o" for each statement about the node, "< s p" for each pointing to
        // it, sorted, after "@ graph", one a line. Built and hashed as UTF-8 bytes; they sort (in
        // LineOrder) as the strings they encode.
        List<byte[]> parts = new ArrayList<>();
        if (blank != null) {
            source.outgoing(graph, blank, (p, o) -> parts.add(join(OUT, text(p), SPACE, content(o, graph, depth))));
            source.incoming(graph, blank, (s, p) -> parts.add(join(IN, content(s, graph, depth), SPACE, text(p))));
        }
        parts.sort((a, b) -> LineOrder.compare(a, 0, a.length, b, 0, b.length));
        // Blank nodes of different graphs are different nodes, however alike they look.
        if (graph != null)
            parts.add(0, join(AT, text(graph)));
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0)
                sha256.update((byte) '\n');
            sha256.update(parts.get(i));
        }
        String label = "b" + hex24(sha256.digest());
        labels.put(key, label);
        return label;
    }

    private static final byte[] OUT = {'>', ' '};
    private static final byte[] IN = {'<', ' '};
    private static final byte[] AT = {'@', ' '};
    private static final byte[] SPACE = {' '};

    private static byte[] join(byte[]... pieces) {
        int n = 0;
        for (byte[] piece : pieces)
            n += piece.length;
        byte[] joined = new byte[n];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, joined, at, piece.length);
            at += piece.length;
        }
        return joined;
    }

    /** The first 24 hexadecimal digits (12 bytes) of a digest, lower case. */
    private static String hex24(byte[] digest) {
        char[] hex = new char[24];
        for (int i = 0; i < 12; i++) {
            hex[2 * i] = Character.forDigit((digest[i] >> 4) & 0xF, 16);
            hex[2 * i + 1] = Character.forDigit(digest[i] & 0xF, 16);
        }
        return new String(hex);
    }

    /** A predicate or graph as {@link Node#toString()} gives it (what the hash has always used). */
    private byte[] text(I id) {
        byte[] text = texts.get(id);
        if (text == null) {
            text = source.node(id).toString().getBytes(StandardCharsets.UTF_8);
            texts.put(id, text);
        }
        return text;
    }

    /** A neighbour in the hashed text: an IRI or literal in N-Triples, a blank node by its own label. */
    private byte[] content(I id, I graph, int depth) {
        byte[] text = terms.known(id);
        if (text != null)
            return text;
        Node node = source.node(id);
        if (node.isTripleTerm())
            return term(node, graph).getBytes(StandardCharsets.UTF_8);
        if (!node.isBlank())
            return terms.of(id, node);
        // Cycles and deep nesting of blank nodes stop here; their shape is enough to tell them apart.
        return (depth >= MAX_DEPTH ? "_" : label(id, node, graph, depth + 1)).getBytes(StandardCharsets.US_ASCII);
    }
}
