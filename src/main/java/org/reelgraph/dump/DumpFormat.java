package org.reelgraph.dump;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;

/**
 * Dump formats. Turtle and N-Triples hold the union of facts; N-Quads and TriG hold every
 * named graph, provenance included. All are written as streams (RIOT's streaming writers).
 */
public enum DumpFormat {
    TTL("ttl", "text/turtle", RDFFormat.TURTLE_BLOCKS, false),
    NT("nt", "application/n-triples", RDFFormat.NTRIPLES_UTF8, false),
    NQ("nq", "application/n-quads", RDFFormat.NQUADS_UTF8, true),
    TRIG("trig", "application/trig", RDFFormat.TRIG_BLOCKS, true);

    private final String extension;
    private final String mediaType;
    private final RDFFormat rdfFormat;
    private final boolean quads;

    DumpFormat(String extension, String mediaType, RDFFormat rdfFormat, boolean quads) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.rdfFormat = rdfFormat;
        this.quads = quads;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** True when the format keeps named graphs. */
    public boolean quads() {
        return quads;
    }

    public static Optional<DumpFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
