package org.reelgraph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/** The gold corpus under src/test/resources/reviews/ and the gazetteer the tests extract with. */
final class Corpus {
    static final Path ROOT = Path.of("src/test/resources/reviews");
    /** The texts the rules were written against. */
    static final Path DEV = ROOT.resolve("dev");
    /** Former held-out sets: each was scored blind once, then used for tuning like dev/ (reviews/README.md). */
    static final Path HELDOUT_1 = ROOT.resolve("heldout-1");
    static final Path HELDOUT_2 = ROOT.resolve("heldout-2");
    static final Path HELDOUT_3 = ROOT.resolve("heldout-3");
    /** The final held-out set, never used for tuning. */
    static final Path HELDOUT = ROOT.resolve("heldout");

    record Review(String name, String text, GoldReview gold) {}

    private static Gazetteer gazetteer;

    private Corpus() {}

    /** data/john-wick.ttl plus the corpus's franchise films (reviews/gazetteer.ttl). */
    static synchronized Gazetteer gazetteer() {
        if (gazetteer == null)
            gazetteer = Gazetteer.fromGraph(graph());
        return gazetteer;
    }

    static Graph graph() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(Path.of("data/john-wick.ttl")).lang(Lang.TURTLE).parse(g);
        RDFParser.source(ROOT.resolve("gazetteer.ttl")).lang(Lang.TURTLE).parse(g);
        return g;
    }

    static List<Review> reviews(Path dir) {
        List<Review> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String name = p.getFileName().toString().replaceFirst("\\.txt$", "");
                String text = Files.readString(p, StandardCharsets.UTF_8);
                try (InputStream in = Files.newInputStream(dir.resolve(name + ".gold.json"))) {
                    out.add(new Review(name, text, GoldReview.read(in, name + ".gold.json")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Everything the rules were tuned on: dev/ and the three former held-out sets. */
    static List<Review> tuning() {
        List<Review> all = new ArrayList<>(reviews(DEV));
        all.addAll(reviews(HELDOUT_1));
        all.addAll(reviews(HELDOUT_2));
        all.addAll(reviews(HELDOUT_3));
        return all;
    }

    static List<Review> all() {
        List<Review> all = new ArrayList<>(tuning());
        all.addAll(reviews(HELDOUT));
        return all;
    }

    private static final java.util.Map<String, Extraction> EXTRACTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The default extractor's answer for a corpus text, computed once per test run (null when it refuses the text). */
    static Extraction extract(Review r) {
        return EXTRACTED.computeIfAbsent(r.name() + "\n" + r.text(), k -> {
            try {
                return ReviewExtractor.withDefaultRules().extract(r.text(), gazetteer());
            } catch (ExtractionException ex) {
                return null;
            }
        });
    }

    static EvalScore score(List<Review> reviews, ReviewExtractor x) {
        EvalScore score = new EvalScore();
        for (Review r : reviews) {
            Extraction e;
            if (x == ReviewExtractor.withDefaultRules()) {
                e = extract(r);
            } else {
                try {
                    e = x.extract(r.text(), gazetteer());
                } catch (ExtractionException ex) {
                    e = null;
                }
            }
            score.add(r.name(), r.gold(), e);
        }
        return score;
    }
}
