package org.reelgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.reelgraph.load.BulkLoader;
import org.reelgraph.load.LoadProgress;
import org.reelgraph.load.LoadReport;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Source;
import org.reelgraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Loads RDF files, review texts or directories such as data/ into the store, each into its own graph,"
                + " with a SHACL check; all or nothing.")
final class LoadCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "RDF files (.ttl, .nt, .nq, .trig, .jsonld, .rdf), review texts (.txt) or directories.")
    List<Path> files;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectHome home = ProjectHome.fromEnvironment();
        loadAndReport(home, storeOptions, home.sources().of(files), spec.commandLine().getErr());
        return Main.OK;
    }

    /**
     * Loads the sources and prints a line per graph (shared with {@code ingest}): into an empty TDB2 store with
     * the bulk loader and progress, otherwise in one transaction.
     */
    static void loadAndReport(ProjectHome home, StoreOptions storeOptions, List<Source> sources, PrintWriter err) {
        try (Store store = storeOptions.open(home)) {
            ShapesCheck shapes = ShapesCheck.of(home.sources());
            // An empty TDB2 store and RDF files only: streamed through TDB2's bulk loader (BulkLoader).
            LoadReport report = BulkLoader.applies(store, sources)
                    ? new BulkLoader(store, shapes, Clock.systemUTC(), new LoadProgress(err, System.console() != null)).load(sources)
                    : new Loader(store, shapes, Clock.systemUTC()).load(sources);
            report.graphs().forEach(g -> err.printf("%s -> <%s>: %,d triples%n", g.source(), g.graph(), g.triples()));
            err.printf("loaded %,d triples into %d graphs in %d ms%n", report.triples(), report.graphs().size(), report.elapsed().toMillis());
        }
    }
}
