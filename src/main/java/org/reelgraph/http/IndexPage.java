package org.reelgraph.http;

/** The landing page at {@code /}: what is served where. */
final class IndexPage {
    private IndexPage() {}

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>reelgraph</title></head>
            <body>
            <h1>reelgraph</h1>
            <p>A film-franchise knowledge graph.</p>
            <ul>
              <li>SPARQL 1.1 query: <code>/reelgraph/sparql</code> (also <code>/reelgraph/query</code>)</li>
              <li>SPARQL 1.1 update (token): <code>/reelgraph/update</code></li>
              <li>Graph Store Protocol (writes need the token): <code>/reelgraph/data</code></li>
              <li>Franchises: <a href="/api/franchises">/api/franchises</a></li>
              <li>John Wick story order: <a href="/api/franchises/john-wick/chronology?order=story">/api/franchises/john-wick/chronology?order=story</a></li>
              <li>A film: <a href="/api/films/ballerina-2025">/api/films/ballerina-2025</a></li>
              <li>Dumps: <a href="/dumps/">/dumps/</a> (Turtle, N-Triples, JSON-LD, N-Quads, TriG, each also gzipped);
                  dataset description (VoID, DCAT): <a href="/dumps/void.ttl">/dumps/void.ttl</a></li>
              <li>Health: <a href="/health">/health</a></li>
            </ul>
            </body>
            </html>
            """;
}
