package org.reelgraph.dump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.reelgraph.store.DataVersion;
import org.reelgraph.store.Store;

/**
 * Dump files of the current data version, made on first request and kept until the data changes.
 * A file per version gives every download the same bytes, an exact Content-Length, HEAD, and byte
 * ranges for resuming; generation itself streams from one read transaction in bounded memory.
 */
public final class DumpFiles {
    public static final String BASENAME = "reelgraph";

    /** One dump of one data version. {@code statements} counts triples (or quads for nq, trig). */
    public record DumpFile(String name, DumpFormat format, boolean gzip, Path path, long bytes, long statements, DataVersion version) {}

    private final Store store;
    private final DumpWriter writer;
    private final Path directory;

    public DumpFiles(Store store, Path directory) {
        this.store = store;
        this.writer = new DumpWriter(store);
        this.directory = directory;
    }

    /** The dump of the data as it is now, made if needed. */
    public synchronized DumpFile get(DumpFormat format, boolean gzip) {
        return store.read(() -> {
            DataVersion version = store.version();
            Path versionDir = directory.resolve(version.tag());
            String name = BASENAME + "." + format.extension() + (gzip ? ".gz" : "");
            Path file = versionDir.resolve(name);
            Path count = versionDir.resolve(name + ".count");
            try {
                if (!Files.exists(file)) {
                    forgetOtherVersions(versionDir);
                    Files.createDirectories(versionDir);
                    long statements = gzip ? gzip(get(format, false), file) : generate(format, file);
                    Files.writeString(count, Long.toString(statements));
                }
                return new DumpFile(name, format, gzip, file, Files.size(file), Long.parseLong(Files.readString(count).strip()), version);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the dump " + file, e);
            }
        });
    }

    /** Every dump of the current version, plain and gzipped. */
    public List<DumpFile> all() {
        List<DumpFile> files = new ArrayList<>();
        for (DumpFormat format : DumpFormat.values()) {
            files.add(get(format, false));
            files.add(get(format, true));
        }
        return files;
    }

    private long generate(DumpFormat format, Path file) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        long statements;
        try (OutputStream out = Files.newOutputStream(partial)) {
            statements = writer.write(format, out);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return statements;
    }

    private static long gzip(DumpFile plain, Path file) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try (InputStream in = Files.newInputStream(plain.path());
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            in.transferTo(out);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return plain.statements();
    }

    private void forgetOtherVersions(Path keep) throws IOException {
        if (!Files.isDirectory(directory))
            return;
        try (Stream<Path> versions = Files.list(directory)) {
            for (Path old : versions.filter(p -> !p.equals(keep)).toList())
                deleteTree(old);
        }
    }

    /** Deletes {@code root} and everything below it. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList())
                Files.deleteIfExists(p);
        }
    }
}
