package org.reelgraph.testing;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Isomorphism checks that scale to the curated data. Jena's {@code IsoMatcher} backtracks over
 * look-alike blank nodes and does not finish on the hundreds of {@code rg:Performance} nodes in
 * data/; {@link Graph#isIsomorphicWith} (GraphMatcher) classifies blank nodes by their statements
 * first and answers in milliseconds. Datasets are compared graph by graph (no blank node is shared
 * between two graphs in reelgraph).
 */
public final class Isomorphic {
    private Isomorphic() {}

    public static boolean graphs(Graph a, Graph b) {
        return a.size() == b.size() && a.isIsomorphicWith(b);
    }

    public static boolean datasets(DatasetGraph a, DatasetGraph b) {
        Set<Node> names = names(a);
        if (!names.equals(names(b)) || !graphs(a.getDefaultGraph(), b.getDefaultGraph()))
            return false;
        for (Node name : names)
            if (!graphs(a.getGraph(name), b.getGraph(name)))
                return false;
        return true;
    }

    private static Set<Node> names(DatasetGraph d) {
        Set<Node> names = new HashSet<>();
        d.listGraphNodes().forEachRemaining(g -> {
            if (!d.getGraph(g).isEmpty())
                names.add(g);
        });
        return names;
    }
}
