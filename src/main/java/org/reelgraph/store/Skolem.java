package org.reelgraph.store;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/**
 * Blank nodes as a remote store keeps them: SPARQL cannot name a blank node of a store in a later
 * request, so the remote backend writes each as a skolem IRI ({@code .../.well-known/genid/...},
 * RDF 1.1 Concepts 3.5) and reads such IRIs back as the same blank node. Triple terms are mapped
 * inside.
 */
final class Skolem {
    static final String GENID = "https://w3id.org/reelgraph/.well-known/genid/";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

    private Skolem() {}

    static Node toStore(Node n) {
        if (n == null)
            return null;
        if (n.isBlank()) {
            String label = n.getBlankNodeLabel();
            return NodeFactory.createURI(PLAIN.matcher(label).matches() ? GENID + "b" + label
                    : GENID + "h" + HexFormat.of().formatHex(label.getBytes(StandardCharsets.UTF_8)));
        }
        if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            return NodeFactory.createTripleTerm(toStore(t.getSubject()), toStore(t.getPredicate()), toStore(t.getObject()));
        }
        return n;
    }

    static Node fromStore(Node n) {
        if (n == null)
            return null;
        if (n.isURI() && n.getURI().startsWith(GENID) && n.getURI().length() > GENID.length() + 1) {
            String rest = n.getURI().substring(GENID.length() + 1);
            return switch (n.getURI().charAt(GENID.length())) {
                case 'b' -> NodeFactory.createBlankNode(rest);
                case 'h' -> NodeFactory.createBlankNode(new String(HexFormat.of().parseHex(rest), StandardCharsets.UTF_8));
                default -> n;
            };
        }
        if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            return NodeFactory.createTripleTerm(fromStore(t.getSubject()), fromStore(t.getPredicate()), fromStore(t.getObject()));
        }
        return n;
    }

    static Quad toStore(Quad q) {
        return Quad.create(q.getGraph(), toStore(q.getSubject()), toStore(q.getPredicate()), toStore(q.getObject()));
    }
}
