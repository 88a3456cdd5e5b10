package org.reelgraph.load;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;

/** The first line of a source on which each subject, and each subject-predicate pair, was stated. */
public final class SourceLines {
    private record Key(Node subject, Node predicate) {}

    private final Map<Node, Long> subjects = new HashMap<>();
    private final Map<Key, Long> statements = new HashMap<>();

    void record(Node subject, Node predicate, long line) {
        if (line <= 0)
            return;
        subjects.merge(subject, line, Math::min);
        statements.merge(new Key(subject, predicate), line, Math::min);
    }

    public boolean mentions(Node subject) {
        return subjects.containsKey(subject);
    }

    /** The line of {@code subject predicate ...}, else of the subject, else 0 (unknown). */
    public long lineOf(Node subject, Node predicate) {
        if (predicate != null) {
            Long line = statements.get(new Key(subject, predicate));
            if (line != null)
                return line;
        }
        return subjects.getOrDefault(subject, 0L);
    }
}
