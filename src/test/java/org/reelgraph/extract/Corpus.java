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
    /**
     * Two sets of 15 written blind (blind-a F1=0.71, blind-b F1=0.77 on extractor ec0b2c2), then tuned on
     * with generic fixes only. Each has its own gazetteer.ttl with its franchises.
     */
    static final Path BLIND_A = ROOT.resolve("blind-a");
    static final Path BLIND_B = ROOT.resolve("blind-b");

    /** {@code dir}: the directory the text is in, which decides the gazetteer it is read with. */
    record Review(String name, String text, GoldReview gold, Path dir) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Gazetteer gazetteer;
    private static final java.util.Map<Path, Gazetteer> OWN = new java.util.concurrent.ConcurrentHashMap<>();

    private Corpus() {}

    /** data/john-wick.ttl plus the corpus's franchise films (reviews/gazetteer.ttl). */
    static synchronized Gazetteer gazetteer() {
        if (gazetteer == null)
            gazetteer = Gazetteer.fromGraph(graph());
        return gazetteer;
    }

    /**
     * The gazetteer a directory's texts are read with: its own gazetteer.ttl (with data/, as
     * {@code eval} reads it) when it has one, else {@link #gazetteer()}.
     */
    static Gazetteer gazetteer(Path dir) {
        Path own = dir.resolve("gazetteer.ttl");
        if (!Files.isRegularFile(own))
            return gazetteer();
        return OWN.computeIfAbsent(dir, d -> {
            Graph g = GraphFactory.createDefaultGraph();
            try (Stream<Path> data = Files.list(Path.of("data"))) {
                for (Path f : data.filter(f -> f.toString().endsWith(".ttl")).sorted().toList())
                    RDFParser.source(f).lang(Lang.TURTLE).parse(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RDFParser.source(own).lang(Lang.TURTLE).parse(g);
            return Gazetteer.fromGraph(g);
        });
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
                    out.add(new Review(name, text, GoldReview.read(in, name + ".gold.json"), dir));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Everything the rules were tuned on before the blind sets: dev/ and the three former held-out sets. */
    static List<Review> tuning() {
        List<Review> all = new ArrayList<>(reviews(DEV));
        all.addAll(reviews(HELDOUT_1));
        all.addAll(reviews(HELDOUT_2));
        all.addAll(reviews(HELDOUT_3));
        return all;
    }

    /** blind-a/ and blind-b/: blind once, tuning sets since. */
    static List<Review> blind() {
        List<Review> all = new ArrayList<>(reviews(BLIND_A));
        all.addAll(reviews(BLIND_B));
        return all;
    }

    static List<Review> all() {
        List<Review> all = new ArrayList<>(tuning());
        all.addAll(reviews(HELDOUT));
        all.addAll(blind());
        return all;
    }

    private static final java.util.Map<String, Extraction> EXTRACTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The default extractor's answer for a corpus text, computed once per test run (null when it refuses the text). */
    static Extraction extract(Review r) {
        return EXTRACTED.computeIfAbsent(r.name() + "\n" + r.text(), k -> {
            try {
                return ReviewExtractor.withDefaultRules().extract(r.text(), gazetteer(r.dir()));
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
                    e = x.extract(r.text(), gazetteer(r.dir()));
                } catch (ExtractionException ex) {
                    e = null;
                }
            }
            score.add(r.name(), r.gold(), e);
        }
        return score;
    }
}
