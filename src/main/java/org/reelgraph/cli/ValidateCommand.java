package org.reelgraph.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Syntax and SHACL check without touching the store. Files are checked on top of the project's"
                + " ontology and data/ (what serve would hold); without FILE, checks ontology, data/ and seeds/."
                + " Errors print as file:line: message.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files or directories to check.")
    List<Path> files = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectHome home = ProjectHome.fromEnvironment();
        try (Store scratch = Store.inMemory()) {
            Loader loader = new Loader(scratch, ShapesCheck.of(home.sources()), Clock.systemUTC());
            if (files.isEmpty()) {
                loader.check(home.sources().standard());
            } else {
                loader.load(home.sources().curated());
                loader.check(home.sources().of(files));
            }
        }
        spec.commandLine().getOut().println("valid");
        return Main.OK;
    }
}
