package org.reelgraph.importer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Opens a published dataset file, decompressing gzip or bzip2 by its first bytes (not its name),
 * and counts the stored bytes read so progress can estimate the time left.
 */
final class CompressedFile {
    private static final int BUFFER = 1 << 16;

    /** The decompressed stream and a count of the stored bytes consumed so far. */
    record Opened(InputStream data, BoundedInputStream stored) {
        /** The decompressed data as UTF-8 lines, as the datasets are published. */
        BufferedReader lines() {
            return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), BUFFER);
        }
    }

    private CompressedFile() {}

    /** The stored size of {@code file}, for progress; {@code name} is how problems name it. */
    static long size(Path file, String name) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    static Opened open(Path file) throws IOException {
        BoundedInputStream stored = BoundedInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        BufferedInputStream in = new BufferedInputStream(stored, BUFFER);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        try {
            if (b0 == 0x1f && b1 == 0x8b)
                return new Opened(new GZIPInputStream(in, BUFFER), stored);
            if (b0 == 'B' && b1 == 'Z' && b2 == 'h')
                // Wikidata's .bz2 dumps are multi-stream (concatenated): read them all.
                return new Opened(new BZip2CompressorInputStream(in, true), stored);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new Opened(in, stored);
    }
}
