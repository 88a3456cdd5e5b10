package org.reelgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.reelgraph.extract.Extraction;
import org.reelgraph.extract.ExtractionException;
import org.reelgraph.extract.Gazetteer;
import org.reelgraph.extract.ReviewExtractor;
import org.reelgraph.extract.ReviewGraph;
import org.reelgraph.http.ReelgraphServer;
import org.reelgraph.load.LoadException;
import org.reelgraph.load.RdfSourceParser;
import org.reelgraph.load.Source;
import org.reelgraph.load.Utf8Text;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.Slugs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Prints the statements a review text makes about its film (JSON), or the review graph that "
                + "ingest would write (Turtle). Names are resolved against the ontology and data/; the store is not opened.")
public final class ExtractCommand implements Callable<Integer> {
    enum Format { json, turtle }

    /** A review is a few KiB; anything this large is not one. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "FILE", description = "A review as UTF-8 plain text.")
    Path file;

    @Option(names = "--format", defaultValue = "json", description = "json or turtle (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = readReview(file);
        Gazetteer gazetteer = gazetteer(ProjectHome.fromEnvironment());
        Extraction x;
        try {
            x = ReviewExtractor.withDefaultRules().extract(text, gazetteer);
        } catch (ExtractionException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(ReelgraphServer.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(x));
        } else {
            Graph g = ReviewGraph.build(x, reviewSlug(file), text);
            g.getPrefixMapping().setNsPrefixes(Prefixes.STANDARD);
            out.print(RDFWriter.source(g).format(RDFFormat.TURTLE_PRETTY).asString());
        }
        out.flush();
        return Main.OK;
    }

    /** The file's text: refused when missing, too large, not UTF-8 or binary. */
    static String readReview(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES)
                throw new BadInputException(file + ": " + size + " bytes is too large for a review (at most " + MAX_BYTES
                        + "); give one review as plain text");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        try {
            return Utf8Text.decode(bytes, file.toString());
        } catch (LoadException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** {@code reviews/ballerina-2025-review.txt} → {@code ballerina-2025-review}. */
    static String reviewSlug(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try {
            return Slugs.of(name);
        } catch (IllegalArgumentException e) {
            return "review";
        }
    }

    /** Names known to the project's curated files (ontology and data/), read without opening a store. */
    static Gazetteer gazetteer(ProjectHome home) {
        return Gazetteer.fromGraph(curatedGraph(home));
    }

    /** The union of the ontology and data/ files, parsed strictly. */
    static Graph curatedGraph(ProjectHome home) {
        Graph union = GraphFactory.createDefaultGraph();
        for (Source source : home.sources().curated()) {
            if (source.review() || !Files.isRegularFile(source.path()))
                continue;
            var parsed = RdfSourceParser.parse(source.name(), source.path().toUri().toString(), source.bytes());
            parsed.data().find().forEachRemaining((Quad q) -> union.add(Triple.create(q.getSubject(), q.getPredicate(), q.getObject())));
        }
        return union;
    }
}
