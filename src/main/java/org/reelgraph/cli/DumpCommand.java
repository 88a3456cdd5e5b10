package org.reelgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
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
        Thread oldDump = out == null ? null : moveAsideAndDelete(out);
        try (Store store = storeOptions.open(ProjectHome.fromEnvironment());
             OutputStream stream = new BufferedOutputStream(out == null ? System.out
                     : Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
            long n = new DumpWriter(store).write(dumpFormat, stream);
            stream.flush();
            if (out != null)
                spec.commandLine().getErr().printf("wrote %,d %s to %s%n", n, dumpFormat.quads() ? "quads" : "triples", out);
        } finally {
            if (oldDump != null)
                oldDump.join();
        }
        return Main.OK;
    }

    /**
     * An earlier file at {@code file} is renamed and deleted on another thread while the dump runs,
     * and the dump goes to a new file: truncating a big file takes a while, and a file rewritten
     * after truncation is flushed to disk when closed (ext4's auto_da_alloc), each most of a second
     * for a 2 GB dump.
     */
    private static Thread moveAsideAndDelete(Path file) throws IOException {
        if (!Files.isRegularFile(file))
            return null;
        // A name nothing has: renaming over a file would make ext4 flush the moved one first.
        Path aside = file.resolveSibling(file.getFileName() + "." + Long.toHexString(new SecureRandom().nextLong() >>> 1) + ".old");
        Files.move(file, aside);
        Thread delete = new Thread(() -> {
            try {
                Files.deleteIfExists(aside);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the earlier dump " + aside, e);
            }
        }, "reelgraph-old-dump");
        delete.start();
        return delete;
    }
}
