package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.RG;

class ReviewGraphTest {
    static final String SLUG = "ballerina-2025-review";
    static String text;
    static Extraction x;
    static Graph review;

    @BeforeAll
    static void build() throws IOException {
        text = Files.readString(Path.of("seeds/ballerina-2025-review.txt"), StandardCharsets.UTF_8);
        x = ReviewExtractor.withDefaultRules().extract(text, Corpus.gazetteer());
        review = ReviewGraph.build(x, SLUG, text);
    }

    static Node uri(String kindAndSlug) {
        return NodeFactory.createURI(Iris.ID_BASE + kindAndSlug);
    }

    @Test
    void seedReviewGraphConformsToTheShapesTogetherWithTheCuratedData() {
        Graph all = GraphFactory.createDefaultGraph();
        RDFParser.source(Path.of("ontology/reelgraph.ttl")).lang(Lang.TURTLE).parse(all);
        RDFParser.source(Path.of("data/john-wick.ttl")).lang(Lang.TURTLE).parse(all);
        review.find().forEachRemaining(all::add);
        Graph shapesGraph = RDFParser.source(Path.of("ontology/shapes.ttl")).lang(Lang.TURTLE).toGraph();
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), all);
        assertTrue(report.conforms(), () -> {
            StringBuilder sb = new StringBuilder();
            report.getEntries().forEach(e -> sb.append(e).append('\n'));
            return sb.toString();
        });
    }

    @Test
    void theReviewResourceHasTextFilmAuthorAndImage() {
        Node r = uri("review/" + SLUG);
        Node film = uri("film/ballerina-2025");
        assertTrue(review.contains(r, RDF.type.asNode(), RG.Review));
        assertTrue(review.contains(r, RDFS.label.asNode(), NodeFactory.createLiteralLang("Review of From the World of John Wick: Ballerina", "en")));
        assertTrue(review.contains(r, RG.reviewOf, film));
        assertEquals(text, review.find(r, RG.text, Node.ANY).next().getObject().getLiteralLexicalForm());
        Node nadia = uri("person/nadia-arain");
        assertTrue(review.contains(r, RG.reviewedBy, nadia));
        assertTrue(review.contains(film, RG.reviewedBy, nadia), "the film shortcut");
        assertTrue(review.contains(nadia, RDF.type.asNode(), RG.Person));
        Node image = uri("image/" + SLUG + "-feature");
        assertTrue(review.contains(r, RG.featureImage, image));
        assertTrue(review.contains(image, RDF.type.asNode(), RG.Image));
        assertTrue(review.contains(image, RG.creditedTo, uri("organization/lionsgate")));
        assertTrue(review.contains(image, RG.via, uri("organization/imdb")));
        assertTrue(review.contains(uri("organization/imdb"), RDF.type.asNode(), RG.Organization));
        assertTrue(review.contains(uri("organization/imdb"), RDFS.label.asNode(), NodeFactory.createLiteralLang("IMDb", "en")));
    }

    @Test
    void everyFactCarriesItsEvidenceAsAnRdf12Annotation() {
        Node film = uri("film/ballerina-2025");
        Node tt = NodeFactory.createTripleTerm(film, RG.directedBy, uri("person/len-wiseman"));
        List<Triple> reifiers = review.find(Node.ANY, RDF.Nodes.reifies, tt).toList();
        assertEquals(1, reifiers.size());
        Node r = reifiers.get(0).getSubject();
        assertTrue(review.contains(r, NodeFactory.createURI(Prefixes.PROV + "wasDerivedFrom"), uri("review/" + SLUG)));
        assertEquals("Director Len Wiseman", object(r, "quote").getLiteralLexicalForm());
        assertEquals(2469, ((Number) object(r, "start").getLiteralValue()).intValue());
        assertEquals(2489, ((Number) object(r, "end").getLiteralValue()).intValue());
        assertEquals("http://www.w3.org/2001/XMLSchema#decimal", object(r, "confidence").getLiteralDatatypeURI());
        assertEquals("0.93", object(r, "confidence").getLiteralLexicalForm());
        // Every asserted fact about the film is annotated.
        for (Triple t : review.find(film, Node.ANY, Node.ANY).toList())
            assertTrue(review.contains(Node.ANY, RDF.Nodes.reifies, NodeFactory.createTripleTerm(t)), t::toString);
    }

    private static Node object(Node s, String local) {
        return review.find(s, NodeFactory.createURI(RG.NS + local), Node.ANY).next().getObject();
    }

    @Test
    void performanceLinksAnaDeArmasToEveMacarro() {
        Node film = uri("film/ballerina-2025");
        List<Triple> perfs = review.find(film, RG.performance, Node.ANY).toList();
        assertEquals(1, perfs.size());
        Node p = perfs.get(0).getObject();
        assertTrue(p.isBlank());
        assertTrue(review.contains(p, RDF.type.asNode(), RG.Performance));
        assertTrue(review.contains(p, RG.actor, uri("person/ana-de-armas")));
        assertTrue(review.contains(p, RG.character, uri("character/eve-macarro")));
        assertFalse(review.contains(uri("character/eve-macarro"), RDFS.label.asNode(), Node.ANY), "known names are not relabelled");
    }

    @Test
    void turtleWithAnnotationsRoundTripsAndBuildingTwiceGivesTheSameGraph() {
        String ttl = RDFWriter.source(review).format(RDFFormat.TURTLE_PRETTY).asString();
        assertTrue(ttl.contains("22-rdf-syntax-ns#reifies") && ttl.contains("<<("), ttl);
        Graph back = RDFParser.fromString(ttl, Lang.TURTLE).toGraph();
        // Jena's isomorphism check does not follow blank nodes into triple terms: compare with blank nodes blanked out.
        assertEquals(shape(review), shape(back));
        assertEquals(review.find().toSet(), ReviewGraph.build(x, SLUG, text).find().toSet(), "same blank node labels too");
    }

    private static List<String> shape(Graph g) {
        return g.find().toList().stream().map(t -> t.toString().replaceAll("_:\\S+|\\[\\S*?\\]|[0-9a-f]{32}", "_"))
                .sorted().toList();
    }

    @Test
    void aFilmTheGraphDoesNotKnowIsTypedAndLabelledButGetsNoInventedDate() {
        String t = "Rogue One: A Star Wars Story (2016) is a fine war film. Director Gareth Edwards shoots it from the ground.";
        Extraction e = ReviewExtractor.withDefaultRules().extract(t, Gazetteer.empty());
        assertFalse(e.film().inGraph());
        Graph g = ReviewGraph.build(e, "rogue-one-review", t);
        Node film = NodeFactory.createURI(Iris.resource(Kind.FILM, "rogue-one-a-star-wars-story-2016"));
        assertTrue(g.contains(film, RDF.type.asNode(), RG.Film));
        assertTrue(g.contains(film, RDFS.label.asNode(), NodeFactory.createLiteralLang("Rogue One: A Star Wars Story", "en")));
        assertFalse(g.contains(film, RG.releaseDate, Node.ANY));
        assertTrue(g.contains(film, RG.directedBy, uri("person/gareth-edwards")));
    }
}
