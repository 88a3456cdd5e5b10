package org.reelgraph.dump;

import java.util.Arrays;
import java.util.Optional;


/**
 * Dump formats. Turtle, N-Triples and JSON-LD hold the union of facts as plain RDF 1.1; N-Quads and
 * TriG hold every named graph, provenance and RDF 1.2 annotations included.
 */
public enum DumpFormat {
    TTL("ttl", "text/turtle", false),
    NT("nt", "application/n-triples", false),
    JSONLD("jsonld", "application/ld+json", false),
    NQ("nq", "application/n-quads", true),
    TRIG("trig", "application/trig", true);

    private final String extension;
    private final String mediaType;
    private final boolean quads;

    DumpFormat(String extension, String mediaType, boolean quads) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.quads = quads;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** True when the format keeps named graphs. */
    public boolean quads() {
        return quads;
    }

    public static Optional<DumpFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
