package org.reelgraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.reelgraph.generate.SyntheticFranchises;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes synthetic franchises (films, people, performances, placement, reviews with evidence annotations)"
                + " as N-Quads into the graph https://w3id.org/reelgraph/graph/data/synthetic, or IMDb-format dataset files (--imdb);"
                + " streaming, deterministic for a seed.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--triples", paramLabel = "N", description = "At least this many statements (whole franchises).")
    Long triples;

    @Option(names = "--out", paramLabel = "FILE", description = "N-Quads file to write (.nq).")
    Path out;

    @Option(names = "--imdb", paramLabel = "DIR", description = "Instead: write IMDb-format dataset files (title.basics, title.principals, name.basics, title.ratings .tsv.gz) into DIR.")
    Path imdb;

    @Option(names = "--titles", paramLabel = "N", description = "With --imdb: this many titles (ten principal rows and three persons per title).")
    Long titles;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        if (imdb != null) {
            if (titles == null || triples != null || out != null)
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--imdb DIR needs --titles N (and no --triples or --out)");
            var written = org.reelgraph.generate.SyntheticImdb.write(imdb, titles, seed);
            spec.commandLine().getErr().printf("wrote %,d titles, %,d principal rows, %,d persons to %s in %d ms%n", written.titles(),
                    written.principals(), written.persons(), imdb, (System.nanoTime() - start) / 1_000_000);
            return Main.OK;
        }
        if (triples == null || out == null)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --triples N --out FILE, or --imdb DIR --titles N");
        long written;
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            written = SyntheticFranchises.generate(triples, seed, StreamRDFWriter.getWriterStream(stream, RDFFormat.NQUADS_UTF8));
        }
        spec.commandLine().getErr().printf("wrote %,d quads to %s in %d ms%n", written, out, (System.nanoTime() - start) / 1_000_000);
        return Main.OK;
    }
}
