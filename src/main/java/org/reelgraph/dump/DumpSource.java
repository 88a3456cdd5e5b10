package org.reelgraph.dump;

import java.util.function.BiConsumer;

import org.apache.jena.graph.Node;

/**
 * A store's statements as a dump reads them, by term id: TDB2's own ids ({@link Tdb2Source}) or the
 * nodes themselves through the public API ({@link DatasetSource}). Ids are compared with
 * {@code equals}; a graph of {@code null} means the default graph where a quad is given and the
 * union of the named graphs where one is asked for. Used inside one read transaction.
 */
interface DumpSource<I> {
    /** Receives one statement; {@code graph} is null for the default graph. */
    @FunctionalInterface
    interface QuadSink<I> {
        void quad(I graph, I subject, I predicate, I object);
    }

    /** Every statement of every graph, default graph included, in no particular order. */
    void forEachQuad(QuadSink<I> sink);

    Node node(I id);

    /**
     * The N-Triples form of an IRI or literal that needs no escaping, read straight from storage
     * without making a node, or null (a blank node, a triple term, anything escaped, or a source
     * that cannot tell): then {@link #node} it is.
     */
    default byte[] plainTerm(I id) {
        return null;
    }

    /** The id of a node, or null when the store does not know it. */
    I id(Node node);

    /** The (predicate, object) of each statement about {@code subject} in {@code graph} (null: the union, each pair once). */
    void outgoing(I graph, I subject, BiConsumer<I, I> predicateObject);

    /** The (subject, predicate) of each statement with {@code object} in {@code graph} (null: the union, each pair once). */
    void incoming(I graph, I object, BiConsumer<I, I> subjectPredicate);

    /** Whether {@code graph} holds a statement of {@code subject} with {@code predicate}. */
    boolean contains(I graph, I subject, I predicate);
}
