package org.reelgraph.catalog;

/** A resource by IRI, slug and display label. */
public record Ref(String id, String slug, String label) {}
