package org.reelgraph.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.reelgraph.extract.EvalScore;
import org.reelgraph.extract.Extraction;
import org.reelgraph.extract.ExtractionException;
import org.reelgraph.extract.Gazetteer;
import org.reelgraph.extract.GoldReview;
import org.reelgraph.extract.ReviewExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores extraction against a gold corpus: every NAME.txt in DIR (and its subdirectories) with its "
                + "NAME.gold.json. Prints per-relation precision, recall and F1, the trap violations, and last a line "
                + "'extraction F1=... P=... R=... traps=...'. Names resolve against the ontology and data/, plus "
                + "the corpus's gazetteer.ttl (in DIR or its parent) or --gazetteer FILE.")
public final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The corpus directory, e.g. src/test/resources/reviews.")
    Path dir;

    @Option(names = "--verbose", description = "Also list each missed and each extra statement.")
    boolean verbose;

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "Turtle with names the corpus needs besides the "
            + "ontology and data/ (default: gazetteer.ttl in DIR or its parent directory, if there is one).")
    Path gazetteerFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir))
            throw new BadInputException(dir + ": not a directory");
        List<Path> texts;
        try (Stream<Path> files = Files.walk(dir)) {
            texts = files.filter(p -> p.toString().endsWith(".txt") && Files.isRegularFile(p)).sorted().toList();
        }
        if (texts.isEmpty())
            throw new BadInputException(dir + ": no .txt reviews in it");
        Gazetteer gazetteer = gazetteer(gazetteerFile != null ? gazetteerFile : defaultGazetteer(dir));
        ReviewExtractor extractor = ReviewExtractor.withDefaultRules();
        EvalScore score = new EvalScore();
        PrintWriter out = spec.commandLine().getOut();
        List<String> skipped = new ArrayList<>();
        for (Path text : texts) {
            String name = dir.relativize(text).toString().replaceFirst("\\.txt$", "");
            Path goldFile = text.resolveSibling(text.getFileName().toString().replaceFirst("\\.txt$", ".gold.json"));
            if (!Files.isRegularFile(goldFile)) {
                skipped.add(name);
                continue;
            }
            GoldReview gold;
            try (InputStream in = Files.newInputStream(goldFile)) {
                gold = GoldReview.read(in, dir.relativize(goldFile).toString());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            Extraction x;
            try {
                x = extractor.extract(ExtractCommand.readReview(text), gazetteer);
            } catch (ExtractionException e) {
                out.println(name + ": no extraction: " + e.getMessage());
                x = null;
            }
            score.add(name, gold, x);
        }
        out.println("reviews: " + score.reviews() + (skipped.isEmpty() ? "" : " (no gold, skipped: " + String.join(", ", skipped) + ")"));
        if (verbose) {
            score.misses().forEach(m -> out.println("  " + m));
            score.extras().forEach(m -> out.println("  " + m));
        }
        score.report().forEach(out::println);
        out.flush();
        return Main.OK;
    }

    private static Path defaultGazetteer(Path dir) {
        Path here = dir.resolve("gazetteer.ttl");
        Path parent = dir.toAbsolutePath().getParent();
        if (!Files.isRegularFile(here) && parent != null && Files.isRegularFile(parent.resolve("gazetteer.ttl")))
            return parent.resolve("gazetteer.ttl");
        return here;
    }

    /** The curated files' names, plus the corpus's own gazetteer (the franchises a corpus needs) when there is one. */
    private static Gazetteer gazetteer(Path extra) {
        Graph union = ExtractCommand.curatedGraph(ProjectHome.fromEnvironment());
        if (Files.isRegularFile(extra)) {
            try {
                RDFParser.source(extra).lang(Lang.TURTLE).parse(union);
            } catch (RiotException e) {
                throw new BadInputException(extra + ": " + e.getMessage());
            }
        }
        return Gazetteer.fromGraph(union);
    }
}
