package org.reelgraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Prefixes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs a SPARQL query on the store (default graph = union of all graphs). CONSTRUCT and DESCRIBE print Turtle.")
final class QueryCommand implements Callable<Integer> {
    enum Format { table, json, csv, tsv, xml }

    static final class QuerySource {
        @Parameters(index = "0", paramLabel = "SPARQL", description = "The query text.")
        String text;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the query from a file (e.g. queries/directors.rq).")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    QuerySource source;

    @Option(names = "--format", defaultValue = "table", description = "table, json, csv, tsv or xml (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Spec
    CommandSpec spec;

    /** The file as strict UTF-8 (Files.readString would fail with a stack trace), or bad input naming it. */
    private static String readQuery(java.nio.file.Path file) {
        try {
            return org.reelgraph.load.Utf8Text.decode(Files.readAllBytes(file), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        } catch (org.reelgraph.load.LoadException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        String name = source.file == null ? "query" : source.file.toString();
        String text = source.file == null ? source.text : readQuery(source.file);
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            long line = QueryErrors.line(e);
            // A semantic error (a variable not grouped) has no position: name the file alone rather than line -1.
            throw new BadInputException(name + (line > 0 ? ":" + line : "") + ": " + QueryErrors.summary(e));
        } catch (StackOverflowError e) {
            throw new BadInputException(name + ": the query is nested too deeply to parse: flatten it (fewer nested groups or UNIONs)");
        }
        // Results are small enough for the terminal; dumps are the streaming path.
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (Store store = storeOptions.open(ProjectHome.fromEnvironment())) {
            store.read(() -> {
                try (QueryExecution qe = store.query(query)) {
                    if (query.isSelectType())
                        writeSelect(qe, stream);
                    else if (query.isAskType())
                        ResultSetFormatter.output(stream, qe.execAsk(), lang());
                    else {
                        var model = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                        model.setNsPrefixes(Prefixes.STANDARD);
                        RDFDataMgr.write(stream, model, Lang.TURTLE);
                    }
                }
                return null;
            });
        } catch (StackOverflowError e) {
            // Parsing can succeed where compiling the algebra (a long UNION chain) overflows.
            throw new BadInputException(name + ": the query is nested too deeply to run: flatten it (fewer nested groups or UNIONs)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(stream.toString(StandardCharsets.UTF_8));
        out.flush();
        return Main.OK;
    }

    private void writeSelect(QueryExecution qe, OutputStream stream) {
        var results = qe.execSelect();
        if (format == Format.table)
            ResultSetFormatter.out(stream, results, qe.getQuery().getPrologue());
        else
            ResultSetFormatter.output(stream, results, lang());
    }

    private Lang lang() {
        return switch (format) {
            case table, json -> ResultSetLang.RS_JSON;
            case csv -> ResultSetLang.RS_CSV;
            case tsv -> ResultSetLang.RS_TSV;
            case xml -> ResultSetLang.RS_XML;
        };
    }
}
