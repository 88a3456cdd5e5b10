package org.reelgraph.catalog;

/** A franchise by IRI, slug and title (the same names as in {@link FranchiseSummary}). */
public record FranchiseRef(String id, String slug, String title) {}
