package org.reelgraph.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.reelgraph.catalog.FilmCatalog;
import org.reelgraph.chronology.Chronology;
import org.reelgraph.chronology.ChronologyOptions;
import org.reelgraph.chronology.ChronologyResult;
import org.reelgraph.chronology.ChronologyText;
import org.reelgraph.chronology.ChronologyService;
import org.reelgraph.chronology.Order;
import org.reelgraph.chronology.PlacementEdge;
import org.reelgraph.http.ReelgraphServer;
import org.reelgraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "chronology", mixinStandardHelpOptions = true,
        description = "Prints a franchise's films in story or release order. Exit 3 when placement edges form a cycle.")
final class ChronologyCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "SLUG", description = "Franchise slug, e.g. john-wick.")
    String slug;

    @Option(names = "--order", defaultValue = "story", description = "story or release (default: ${DEFAULT-VALUE}).")
    String order;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--on-conflict", defaultValue = "report", paramLabel = "POLICY",
            description = "report (exit 3 on a cycle) or skip-weakest (drop the lowest-confidence edge of each cycle and say so).")
    String onConflict;

    @Option(names = "--include", defaultValue = "films", paramLabel = "KINDS",
            description = "films (feature films) or all (with short films and TV series) (default: ${DEFAULT-VALUE}).")
    String include;

    @Option(names = "--source", paramLabel = "GRAPH", split = ",",
            description = "Only placement edges from these graphs, e.g. data/john-wick (repeatable).")
    List<String> sources = List.of();

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Order parsedOrder = Order.parse(order).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "--order must be 'story' or 'release', not '" + order + "'"));
        Chronology.OnConflict policy = ChronologyOptions.onConflict(onConflict).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "--on-conflict must be 'report' or 'skip-weakest', not '" + onConflict + "'"));
        boolean allKinds = ChronologyOptions.includeAll(include).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                spec.commandLine(), "--include must be 'films' or 'all', not '" + include + "'"));
        ChronologyService.Answer answer;
        try (Store store = storeOptions.open(ProjectHome.fromEnvironment())) {
            answer = new ChronologyService(new FilmCatalog(store))
                    .chronology(new ChronologyService.Request(slug, parsedOrder, policy, ChronologyOptions.sources(sources), allKinds))
                    .orElseThrow(() -> new BadInputException("no franchise has the slug '" + slug + "'"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (answer.hasConflicts()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("reelgraph: the placement edges of '" + slug + "' form a cycle; no story order:");
            for (ChronologyResult.Conflict c : answer.conflicts()) {
                err.println("  cycle among: " + String.join(", ", c.films().stream().map(f -> f.title()).toList()));
                for (PlacementEdge e : c.edges())
                    err.println("    <" + e.subject() + "> rg:" + e.property() + " <" + e.object() + ">  in graph <" + e.graph() + ">");
            }
            return Main.CONFLICT;
        }
        if (format == Format.json)
            out.println(ReelgraphServer.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        else
            out.print(ChronologyText.of(answer));
        out.flush();
        return Main.OK;
    }
}
