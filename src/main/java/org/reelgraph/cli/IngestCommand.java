package org.reelgraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.reelgraph.load.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Extracts each review's statements about its film (with evidence), validates them and loads each review"
                + " into its own graph .../graph/review/{file name}; all or nothing. serve ingests seeds/ the same way.")
final class IngestCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Review texts (.txt, UTF-8) or directories of them.")
    List<Path> files;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectHome home = ProjectHome.fromEnvironment();
        List<Source> sources = home.sources().of(files);
        for (Source source : sources)
            if (!source.review())
                throw new BadInputException(source.name() + ": not a review text (.txt); load RDF files with ./reelgraph load");
        LoadCommand.loadAndReport(home, storeOptions, sources, spec.commandLine().getErr());
        return Main.OK;
    }
}
