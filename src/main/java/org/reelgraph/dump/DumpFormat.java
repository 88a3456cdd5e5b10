package org.reelgraph.dump;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;

/**
 * Dump formats. Turtle, N-Triples and JSON-LD hold the union of facts as plain RDF 1.1; N-Quads and
 * TriG hold every named graph, provenance and RDF 1.2 annotations included.
 */
public enum DumpFormat {
    TTL("ttl", "text/turtle", RDFFormat.TURTLE_BLOCKS, false),
    NT("nt", "application/n-triples", null, false),
    JSONLD("jsonld", "application/ld+json", null, false),
    NQ("nq", "application/n-quads", null, true),
    TRIG("trig", "application/trig", RDFFormat.TRIG_BLOCKS, true);

    private final String extension;
    private final String mediaType;
    private final RDFFormat blocksFormat;
    private final boolean quads;

    DumpFormat(String extension, String mediaType, RDFFormat blocksFormat, boolean quads) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.blocksFormat = blocksFormat;
        this.quads = quads;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** RIOT's streaming writer for Turtle and TriG; null for formats written line by line. */
    RDFFormat blocksFormat() {
        return blocksFormat;
    }

    /** True when the format keeps named graphs. */
    public boolean quads() {
        return quads;
    }

    public static Optional<DumpFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
