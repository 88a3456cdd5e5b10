package org.reelgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.reelgraph.importer.ImportException;
import org.reelgraph.importer.ImportProblems;
import org.reelgraph.importer.ImportProgress;
import org.reelgraph.load.GraphImport;
import org.reelgraph.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a published dataset you downloaded (IMDb's non-commercial files, a Wikidata dump) into its own graph,"
                + " streaming; a re-import replaces that graph in one transaction.",
        subcommands = {ImportCommand.Imdb.class, ImportCommand.Wikidata.class}, synopsisSubcommandLabel = "imdb|wikidata")
final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing dataset: imdb or wikidata.");
    }

    /** Options every import has. */
    static final class Common {
        @Option(names = "--strict", description = "Fail on the first bad row, leaving the store unchanged (default: report, count and skip bad rows).")
        boolean strict;

        @Option(names = "--no-progress", description = "No progress output.")
        boolean quiet;
    }

    @Command(name = "imdb", mixinStandardHelpOptions = true,
            description = "Imports IMDb's dataset files from DIR (title.basics, title.principals, name.basics .tsv.gz; title.ratings"
                    + " and title.episode when present) into https://w3id.org/reelgraph/graph/import/imdb.")
    static final class Imdb implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "DIR", description = "Directory with the files as downloaded from https://datasets.imdbws.com/.")
        Path dir;

        @Option(names = "--types", split = ",", paramLabel = "TYPE", defaultValue = "movie",
                description = "IMDb title types to import (default: ${DEFAULT-VALUE}); also tvMovie, video, tvSpecial, short, tvShort, tvSeries, tvMiniSeries.")
        List<String> types;

        @Option(names = "--min-votes", paramLabel = "N", defaultValue = "0", description = "Only titles with at least N votes in title.ratings.tsv.gz.")
        int minVotes;

        @Option(names = "--since", paramLabel = "YEAR", defaultValue = "0", description = "Only titles first released in YEAR or later.")
        int since;

        @Option(names = "--adult", description = "Import adult titles too (IMDb's isAdult; left out by default).")
        boolean adult;

        @CommandLine.Mixin
        StoreOptions storeOptions = new StoreOptions();

        @CommandLine.Mixin
        Common common = new Common();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            org.reelgraph.importer.ImdbImport.Options options;
            try {
                options = new org.reelgraph.importer.ImdbImport.Options(java.util.Set.copyOf(types), minVotes, since, adult);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter err = spec.commandLine().getErr();
            ImportProblems problems = new ImportProblems(err, common.strict);
            ImportProgress progress = progress(common, err);
            var imdb = new org.reelgraph.importer.ImdbImport(dir, options, problems, progress);
            run(storeOptions, err, org.reelgraph.importer.ImdbImport.GRAPH, "IMDb non-commercial datasets", progress, problems,
                    imdb::collect, imdb::resolve, imdb::files, imdb::emit, () -> {
                        var s = imdb.summary();
                        return String.format("%,d titles, %,d persons, %,d credits", s.titles(), s.persons(), s.credits())
                                + skipped(s.skipped());
                    });
            return Main.OK;
        }
    }

    @Command(name = "wikidata", mixinStandardHelpOptions = true,
            description = "Imports films, their series, directors and cast from a Wikidata entity dump (JSON, one entity per line,"
                    + " gzip or bzip2) or a WDQS SPARQL JSON result into https://w3id.org/reelgraph/graph/import/wikidata.")
    static final class Wikidata implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "latest-all.json.gz/.bz2 (or a filtered dump in that format), or a .srj/.json WDQS result.")
        Path file;

        @CommandLine.Mixin
        StoreOptions storeOptions = new StoreOptions();

        @CommandLine.Mixin
        Common common = new Common();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            ImportProblems problems = new ImportProblems(err, common.strict);
            ImportProgress progress = progress(common, err);
            var wikidata = new org.reelgraph.importer.WikidataImport(file, problems, progress);
            run(storeOptions, err, org.reelgraph.importer.WikidataImport.GRAPH, "Wikidata", progress, problems,
                    wikidata::collect, wikidata::resolve, () -> List.of(file), wikidata::emit, () -> {
                        var s = wikidata.summary();
                        return String.format("%,d films, %,d franchises, %,d persons", s.films(), s.franchises(), s.persons())
                                + skipped(s.skipped());
                    });
            return Main.OK;
        }
    }

    private static ImportProgress progress(Common common, PrintWriter err) {
        if (common.quiet)
            return ImportProgress.quiet();
        // A terminal gets a bar redrawn in place; a log or pipe plain lines.
        return new ImportProgress(err, System.console() != null);
    }

    private static String skipped(Map<String, Long> skipped) {
        StringBuilder sb = new StringBuilder();
        skipped.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(String.format("; skipped %,d %s", e.getValue(), e.getKey())));
        return sb.toString();
    }

    /** Collect (every bad row found), resolve against the store, then replace the graph in one go. */
    private static void run(StoreOptions storeOptions, PrintWriter err, Node graph, String dataset, ImportProgress progress,
                            ImportProblems problems, Runnable collect, java.util.function.Consumer<org.reelgraph.importer.KnownResources> resolve,
                            java.util.function.Supplier<List<Path>> files, ToLongFunction<StreamRDF> emit,
                            java.util.function.Supplier<String> summary) {
        long start = System.nanoTime();
        ProjectHome home = ProjectHome.fromEnvironment();
        try (Store store = storeOptions.open(home)) {
            collect.run();
            GraphImport writer = new GraphImport(store, Clock.systemUTC());
            writer.withKnownResources(graph, known -> {
                resolve.accept(known);
                return null;
            });
            GraphImport.Result result = writer.replace(graph, dataset, files.get(), emit);
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf("imported %s: %,d triples into <%s> in %.1f s (%,.0f rows/s, %,.0f triples/s%s)%n", summary.get(), result.triples(),
                    graph.getURI(), seconds, progress.rows() / seconds, result.triples() / seconds, result.bulk() ? ", bulk-loaded into the empty store" : "");
            if (problems.count() > 0)
                err.printf("%,d bad rows were reported and skipped (use --strict to fail instead)%n", problems.count());
        } catch (ImportException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
