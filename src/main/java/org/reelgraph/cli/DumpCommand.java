package org.reelgraph.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.reelgraph.dump.DumpFormat;
import org.reelgraph.dump.DumpWriter;
import org.reelgraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Writes the store as RDF in bounded memory, sorted so the same data gives the same bytes: ttl, nt and jsonld hold the union of facts (no RDF 1.2 annotations), nq and trig every named graph.")
final class DumpCommand implements Callable<Integer> {
    enum Format { ttl, nt, nq, trig, jsonld }

    @Option(names = "--format", defaultValue = "ttl", description = "ttl, nt, nq, trig or jsonld (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DumpFormat dumpFormat = DumpFormat.byExtension(format.name()).orElseThrow();
        try (Store store = storeOptions.open(ProjectHome.fromEnvironment());
             OutputStream stream = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out), 1 << 16)) {
            long n = new DumpWriter(store).write(dumpFormat, stream);
            stream.flush();
            if (out != null)
                spec.commandLine().getErr().printf("wrote %,d %s to %s%n", n, dumpFormat.quads() ? "quads" : "triples", out);
        }
        return Main.OK;
    }
}
