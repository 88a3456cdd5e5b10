package org.reelgraph.catalog;

/** One franchise in the list of franchises. */
public record FranchiseSummary(String id, String slug, String title, int films) {}
