package org.reelgraph.cli;

import java.io.PrintWriter;

import org.reelgraph.load.LoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./reelgraph COMMAND}: exit 0 ok, 1 bad input, 2 usage error, 3 chronology conflict. */
@Command(name = "reelgraph", mixinStandardHelpOptions = true, version = "reelgraph 0.1.0",
        description = "A film-franchise knowledge graph: TDB2 store, SPARQL 1.1 endpoint, JSON API, dumps.",
        subcommands = {ServeCommand.class, LoadCommand.class, QueryCommand.class, ChronologyCommand.class,
                DumpCommand.class, ValidateCommand.class, GenerateCommand.class, ImportCommand.class, ExtractCommand.class, IngestCommand.class, EvalCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;
    public static final int CONFLICT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No command given.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command.");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            // One line and a hint, not the whole usage text.
            String command = e.getCommandLine().getCommandName();
            String help = command.equals("reelgraph") ? "./reelgraph --help" : "./reelgraph " + command + " --help";
            e.getCommandLine().getErr().println("reelgraph: " + e.getMessage() + " (try '" + help + "')");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof LoadException load) {
                c.getErr().println(load.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof BadInputException bad) {
                c.getErr().println("reelgraph: " + bad.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
