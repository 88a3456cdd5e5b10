package org.reelgraph.dump;

import java.io.OutputStream;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.writer.WriterStreamRDFBlocks;
import org.apache.jena.sparql.util.Context;

/**
 * RIOT's streaming Turtle/TriG writer, but writing blank nodes with the labels they already have.
 * The stock formatter renames blank nodes through a map that remembers every one it has seen (even
 * with "label as given"), which grows without bound on a big store; the dump's labels are already
 * stable, unique and valid Turtle ({@code b} and hex digits).
 */
final class BoundedTurtleWriter extends WriterStreamRDFBlocks {
    BoundedTurtleWriter(OutputStream out) {
        super(out, new Context());
        fmt = new NodeFormatterTTL(null, pMap) {
            @Override
            public void formatBNode(AWriter w, Node n) {
                w.print("_:");
                w.print(n.getBlankNodeLabel());
            }
        };
    }
}
