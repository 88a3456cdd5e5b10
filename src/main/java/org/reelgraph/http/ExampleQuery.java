package org.reelgraph.http;

/**
 * One example SPARQL query from {@code queries/}: its file name without {@code .rq}, the first line of its
 * leading comment (what it answers), the whole leading comment, and the query text as written.
 */
record ExampleQuery(String name, String summary, String description, String query) {}
