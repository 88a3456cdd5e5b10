package org.reelgraph.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.RG;

/**
 * Synthetic franchises in reelgraph's vocabulary for benchmarks: films with release dates,
 * directors, cast and performances, placement chains, spin-offs set between two films, reviews
 * with RDF 1.2 evidence annotations. Streamed to a {@link StreamRDF} (nothing is held in memory)
 * and deterministic for a seed.
 */
public final class SyntheticFranchises {
    public static final Node GRAPH = Iris.dataGraph("synthetic");

    private final SplittableRandom random;
    private final StreamRDF out;
    private long quads;
    private long blankNodes;

    private SyntheticFranchises(long seed, StreamRDF out) {
        this.random = new SplittableRandom(seed);
        this.out = out;
    }

    /** Writes whole franchises into {@link #GRAPH} until at least {@code triples} quads are written; returns the count. */
    public static long generate(long triples, long seed, StreamRDF out) {
        SyntheticFranchises g = new SyntheticFranchises(seed, out);
        out.start();
        for (int franchise = 1; g.quads < triples; franchise++)
            g.franchise(franchise);
        out.finish();
        return g.quads;
    }

    private void franchise(int i) {
        Node franchise = Iris.resourceNode(Kind.FRANCHISE, "synthetic-" + i);
        typed(franchise, RG.Franchise, "Synthetic Franchise " + i);
        List<Node> people = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            Node person = Iris.resourceNode(Kind.PERSON, "synthetic-" + i + "-person-" + k);
            typed(person, RG.Person, "Person " + k + " of Franchise " + i);
            people.add(person);
        }
        List<Node> characters = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            Node character = Iris.resourceNode(Kind.CHARACTER, "synthetic-" + i + "-character-" + k);
            typed(character, RG.Character, "Character " + k + " of Franchise " + i);
            characters.add(character);
        }
        int count = 4 + random.nextInt(6);
        LocalDate released = LocalDate.of(1970 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
        List<Node> films = new ArrayList<>();
        for (int j = 1; j <= count; j++) {
            released = released.plusDays(300 + random.nextInt(900));
            Node film = film(franchise, i, "Part " + j, released, people, characters);
            if (!films.isEmpty())
                emit(film, RG.setAfter, films.get(films.size() - 1));
            films.add(film);
        }
        if (random.nextInt(10) < 3) {
            int after = random.nextInt(count - 1);
            Node spinOff = film(franchise, i, "Side Story", released.plusDays(400), people, characters);
            emit(spinOff, RG.spinOffOf, franchise);
            emit(spinOff, RG.setAfter, films.get(after));
            emit(spinOff, RG.setBefore, films.get(after + 1));
        }
    }

    private Node film(Node franchise, int i, String part, LocalDate released, List<Node> people, List<Node> characters) {
        String title = "Synthetic Franchise " + i + ": " + part;
        Node film = Iris.resourceNode(Kind.FILM, org.reelgraph.vocab.Slugs.film(title, released.getYear()));
        typed(film, RG.Film, title);
        emit(film, RG.partOfFranchise, franchise);
        emit(film, RG.releaseDate, NodeFactory.createLiteralDT(released.toString(), XSDDatatype.XSDdate));
        Node director = people.get(random.nextInt(3));
        emit(film, RG.directedBy, director);
        int cast = 3 + random.nextInt(4);
        for (int c = 0; c < cast; c++) {
            Node actor = people.get(3 + c);
            emit(film, RG.starring, actor);
            Node performance = NodeFactory.createBlankNode("p" + (++blankNodes));
            emit(film, RG.performance, performance);
            emit(performance, RDF.type.asNode(), RG.Performance);
            emit(performance, RG.actor, actor);
            emit(performance, RG.character, characters.get(c));
        }
        if (random.nextBoolean())
            review(film, title, director, people.get(11));
        return film;
    }

    private void review(Node film, String title, Node director, Node critic) {
        Node review = Iris.resourceNode(Kind.REVIEW, Iris.slugOrIri(film.getURI()) + "-review");
        emit(review, RDF.type.asNode(), RG.Review);
        emit(review, RDFS.label.asNode(), NodeFactory.createLiteralLang("Review of " + title, "en"));
        emit(review, RG.reviewOf, film);
        emit(review, RG.reviewedBy, critic);
        String text = "A review of " + title + ". Director " + Iris.slugOrIri(director.getURI()) + " keeps the story moving.";
        emit(review, RG.text, NodeFactory.createLiteralString(text));
        int start = text.indexOf("Director");
        Node reifier = NodeFactory.createBlankNode("r" + (++blankNodes));
        emit(reifier, RDF.reifies.asNode(), NodeFactory.createTripleTerm(film, RG.directedBy, director));
        emit(reifier, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"), review);
        emit(reifier, NodeFactory.createURI(RG.NS + "quote"), NodeFactory.createLiteralString(text.substring(start, text.indexOf(" keeps"))));
        emit(reifier, NodeFactory.createURI(RG.NS + "start"), NodeFactory.createLiteralDT(Integer.toString(start), XSDDatatype.XSDinteger));
        emit(reifier, NodeFactory.createURI(RG.NS + "confidence"), NodeFactory.createLiteralDT("0.9", XSDDatatype.XSDdecimal));
    }

    private void typed(Node subject, Node type, String label) {
        emit(subject, RDF.type.asNode(), type);
        emit(subject, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, "en"));
    }

    private void emit(Node s, Node p, Node o) {
        out.quad(org.apache.jena.sparql.core.Quad.create(GRAPH, s, p, o));
        quads++;
    }
}
