package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reelgraph.http.LinkedDataRoutes.Representation;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.RG;

/** Linked Data at /id/{kind}/{slug} on the real server: content negotiation, the HTML page, errors. */
class LinkedDataTest extends AgainstRunningServer {
    private static final String BALLERINA = "/id/film/ballerina-2025";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    private static final Node FILM = node("film/ballerina-2025");
    private static final Node LEN_WISEMAN = node("person/len-wiseman");
    private static final Node REVIEW = node("review/ballerina-2025-review");
    private static final String FIXTURE_GRAPH = Iris.GRAPH_BASE + "review/ld-test-review";

    /** A person whose label is markup and a statement annotated with a quote (RDF 1.2), in a review graph. */
    @BeforeAll
    void putFixture() {
        HttpResponse<String> put = server.putGraph(FIXTURE_GRAPH, """
                PREFIX rg: <https://w3id.org/reelgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX schema: <https://schema.org/>
                PREFIX person: <https://w3id.org/reelgraph/id/person/>
                PREFIX film: <https://w3id.org/reelgraph/id/film/>
                PREFIX review: <https://w3id.org/reelgraph/id/review/>
                person:ld-test-person a rg:Person ;
                    rdfs:label "<script>alert('x')</script> & \\"Bob\\""@en ;
                    schema:sameAs <javascript:alert(1)> .
                film:ld-test-film-2030 a rg:Film ;
                    rdfs:label "Linked Data Test Film"@en ;
                    rg:directedBy person:ld-test-person {| prov:wasDerivedFrom review:ld-test-review ;
                        rg:quote "directed by <b>Bob</b>" ; rg:start 10 ; rg:end 31 ; rg:confidence 0.9 |} .
                """);
        assertTrue(put.statusCode() == 200 || put.statusCode() == 201 || put.statusCode() == 204, put.statusCode() + " " + put.body());
    }

    @Test
    void turtleByAcceptStatesThatLenWisemanDirectedBallerina() {
        HttpResponse<String> response = server.get(BALLERINA, "text/turtle");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("text/turtle; charset=utf-8", contentType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
        Graph graph = parse(response.body(), Lang.TURTLE);
        assertTrue(graph.contains(FILM, RG.directedBy, LEN_WISEMAN), response.body());
        assertTrue(graph.contains(FILM, RDF.Nodes.type, RG.Film));
        // Blank-node performances come along (CBD), and so does the review that points at the film.
        // Seven curated performances, and the seed review's "Eve (Ana de Armas)" as its own.
        assertEquals(8, graph.find(FILM, RG.performance, Node.ANY).toList().size());
        assertTrue(graph.contains(Node.ANY, RG.character, node("character/eve-macarro")));
        assertTrue(graph.contains(REVIEW, RG.reviewOf, FILM), "incoming link from the review");
        assertTrue(response.body().contains("PREFIX person:") || response.body().contains("@prefix person:"), "prefixed: " + response.body());
    }

    @Test
    void curlWithoutPreferenceGetsTurtle() {
        HttpResponse<String> response = server.get(BALLERINA, "*/*");
        assertEquals(200, response.statusCode());
        assertEquals("text/turtle; charset=utf-8", contentType(response));
        assertTrue(parse(response.body(), Lang.TURTLE).contains(FILM, RG.directedBy, LEN_WISEMAN));
    }

    @ParameterizedTest
    @CsvSource({
            "application/n-triples, N-TRIPLES, application/n-triples; charset=utf-8",
            "application/ld+json, JSON-LD, application/ld+json",
            "application/rdf+xml, RDF/XML, application/rdf+xml; charset=utf-8"})
    void everyRdfFormatParsesBackToTheSameGraphAsTurtle(String accept, String langName, String contentType) {
        Graph turtle = parse(server.get(BALLERINA, "text/turtle").body(), Lang.TURTLE);
        HttpResponse<String> response = server.get(BALLERINA, accept);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(contentType, contentType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
        Graph other = parse(response.body(), org.apache.jena.riot.RDFLanguages.nameToLang(langName));
        assertTrue(turtle.size() > 30, "description has " + turtle.size() + " triples");
        assertTrue(turtle.isIsomorphicWith(other), accept + " differs from Turtle:\n" + response.body());
    }

    @ParameterizedTest
    @CsvSource({
            "ttl, text/html, text/turtle; charset=utf-8",
            "nt, text/turtle, application/n-triples; charset=utf-8",
            "jsonld, text/turtle, application/ld+json",
            "rdf, text/html, application/rdf+xml; charset=utf-8",
            "html, text/turtle, text/html; charset=utf-8",
            "html, image/png, text/html; charset=utf-8"})
    void formatParameterOverridesAccept(String format, String accept, String contentType) {
        HttpResponse<String> response = server.get(BALLERINA + "?format=" + format, accept);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(contentType, contentType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
    }

    @Test
    void unknownFormatParameterIsABadRequest() {
        HttpResponse<String> response = server.get(BALLERINA + "?format=yaml", "text/turtle");
        assertEquals(400, response.statusCode());
        assertProblem(response);
        assertTrue(RunningServer.json(response).get("detail").asText().contains("ttl, nt, jsonld, rdf, html"));
    }

    @Test
    void browsersGetAPageWithLabelLinksIncomingLinksAndSources() throws Exception {
        HttpResponse<String> response = server.get(BALLERINA, BROWSER_ACCEPT);
        assertEquals(200, response.statusCode());
        assertEquals("text/html; charset=utf-8", contentType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
        String html = response.body();
        assertTrue(html.contains("<h1>From the World of John Wick: Ballerina</h1>"), html);
        assertTrue(html.contains("href=\"/id/person/len-wiseman\""), "link to the director");
        assertTrue(html.contains(">Len Wiseman</a>"), "director by label");
        assertTrue(html.contains(">Film</a>"), "type by label");
        assertTrue(html.contains("<span class=\"literal\">2025-06-06</span><span class=\"datatype\">^^xsd:date</span>"), "typed literal");
        assertTrue(html.contains("<span class=\"lang\">@en</span>"), "language tag");
        assertTrue(html.contains("rel=\"external\" href=\"https://www.imdb.com/title/tt7181546/\""), "external link");
        String incoming = section(html, "incoming");
        assertTrue(incoming.contains("href=\"/id/review/ballerina-2025-review\""), incoming);
        assertTrue(incoming.contains("rg:reviewOf"), incoming);
        String sources = section(html, "sources");
        assertTrue(sources.contains("data/john-wick.ttl"), sources);
        assertTrue(sources.contains("https://w3id.org/reelgraph/graph/data/john-wick"), sources);
        assertTrue(sources.contains("https://w3id.org/reelgraph/graph/review/ballerina-2025-review"), sources);
        assertTrue(html.contains("<link rel=\"alternate\" type=\"text/turtle\" href=\"?format=ttl\""), "alternate link");
        assertWellFormedXml(html);
    }

    @Test
    void personPageNamesTheFilmsAndCharactersOfThePerformances() {
        String html = server.get("/id/person/ana-de-armas", BROWSER_ACCEPT).body();
        String incoming = section(html, "incoming");
        assertTrue(incoming.contains("href=\"/id/film/ballerina-2025\""), incoming);
        assertTrue(incoming.contains("href=\"/id/character/eve-macarro\""), incoming);

        Graph turtle = parse(server.get("/id/person/ana-de-armas", "text/turtle").body(), Lang.TURTLE);
        Node person = node("person/ana-de-armas");
        Triple performance = turtle.find(Node.ANY, RG.actor, person).next();
        assertTrue(turtle.contains(FILM, RG.performance, performance.getSubject()));
        assertTrue(turtle.contains(performance.getSubject(), RG.character, node("character/eve-macarro")));
    }

    @Test
    void labelsAndIrisFromTheDataAreEscaped() throws Exception {
        HttpResponse<String> response = server.get("/id/person/ld-test-person", "text/html");
        assertEquals(200, response.statusCode());
        String html = response.body();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<h1>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;Bob&quot;</h1>"), html);
        assertFalse(html.contains("href=\"javascript:"), "a javascript: IRI must not become a link");
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertWellFormedXml(html);
    }

    @Test
    void quotesFromAnnotationsAppearAsEvidence() {
        String html = server.get("/id/film/ld-test-film-2030", "text/html").body();
        String evidence = section(html, "evidence");
        assertTrue(evidence.contains("<q class=\"quote\">directed by &lt;b&gt;Bob&lt;/b&gt;</q>"), evidence);
        assertTrue(evidence.contains("href=\"/id/review/ld-test-review\""), evidence);
        assertTrue(evidence.contains("confidence 0.9"), evidence);
        assertTrue(section(html, "sources").contains("review/ld-test-review"), html);
    }

    @Test
    void unknownResourceIsA404Problem() {
        HttpResponse<String> response = server.get("/id/film/no-such-film-1999", "text/turtle");
        assertEquals(404, response.statusCode());
        assertProblem(response);
        assertEquals(404, RunningServer.json(response).get("status").asInt());
        assertTrue(RunningServer.json(response).get("detail").asText().contains("https://w3id.org/reelgraph/id/film/no-such-film-1999"));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
    }

    @ParameterizedTest
    @CsvSource({"/id/spaceship/ballerina-2025", "/id/film/Ballerina_2025", "/id/film/ballerina-2025-"})
    void invalidKindOrSlugIsA404Problem(String path) {
        HttpResponse<String> response = server.get(path, "text/turtle");
        assertEquals(404, response.statusCode(), response.body());
        assertProblem(response);
    }

    @Test
    void unacceptableMediaTypeIsA406Problem() {
        HttpResponse<String> response = server.get(BALLERINA, "image/png");
        assertEquals(406, response.statusCode());
        assertProblem(response);
        assertTrue(RunningServer.json(response).get("detail").asText().contains("text/turtle"));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*/*|TURTLE",
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8|HTML",
            "application/xhtml+xml|XHTML",
            "text/turtle;q=0, */*;q=0.1|N_TRIPLES",
            "TEXT/Turtle|TURTLE",
            "application/ld+json;q=0.5, text/turtle;q=0.4|JSON_LD",
            "text/*;q=0.3, text/html;q=0.2|TURTLE",
            "application/*|N_TRIPLES",
            "image/png|",
            "text/plain|"})
    void negotiationTakesTheMostSpecificRangeAndHonoursQualityZero(String accept, String expected) {
        Optional<Representation> chosen = LinkedDataRoutes.negotiate(accept);
        assertEquals(Optional.ofNullable(expected).map(Representation::valueOf), chosen, accept);
    }

    private static Node node(String path) {
        return NodeFactory.createURI(Iris.ID_BASE + path);
    }

    private static Graph parse(String body, Lang lang) {
        return RDFParser.fromString(body, lang).toGraph();
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(";charset=", "; charset=");
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertTrue(contentType(response).startsWith("application/problem+json"), contentType(response));
        assertEquals(response.statusCode(), RunningServer.json(response).get("status").asInt());
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "no section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The page is polyglot markup: an XML parser (no DTD fetching) must accept it. */
    private static void assertWellFormedXml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
