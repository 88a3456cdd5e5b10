package org.reelgraph.load;

import java.nio.file.Path;

import org.apache.jena.graph.Node;

/**
 * One input file and the named graph it goes to.
 *
 * @param name   how messages name the file (relative to the project home when inside it)
 * @param review true for a review text ({@code .txt}), false for an RDF file
 */
public record Source(Path path, String name, Node graph, boolean review) {}
