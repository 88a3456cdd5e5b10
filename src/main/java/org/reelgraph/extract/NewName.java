package org.reelgraph.extract;

/** A name the gazetteer did not know: the extractor minted {@code id} for it by the slug rules. */
public record NewName(String id, String kind, String label) {}
