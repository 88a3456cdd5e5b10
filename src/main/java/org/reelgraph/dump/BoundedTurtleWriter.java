package org.reelgraph.dump;

import java.io.OutputStream;

import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.writer.WriterStreamRDFBlocks;
import org.apache.jena.sparql.util.Context;

/**
 * RIOT's streaming Turtle/TriG writer, but writing blank nodes with the labels they already have.
 * The stock writer renames blank nodes through a map that remembers every one it has seen, which
 * grows without bound on a big store; the dump's labels are already stable and unique.
 */
final class BoundedTurtleWriter extends WriterStreamRDFBlocks {
    BoundedTurtleWriter(OutputStream out) {
        super(out, new Context());
        fmt = new NodeFormatterTTL(null, pMap, NodeToLabel.createBNodeByLabelAsGiven());
    }
}
