package org.reelgraph.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Opens a published dataset file, decompressing gzip or bzip2 by its first bytes (not its name),
 * and counts the stored bytes read so progress can estimate the time left.
 */
final class CompressedFile {
    private static final int BUFFER = 1 << 16;

    /** The decompressed stream and a count of the stored bytes consumed so far. */
    record Opened(InputStream data, CountingStream stored) {}

    private CompressedFile() {}

    static Opened open(Path file) throws IOException {
        CountingStream stored = new CountingStream(Files.newInputStream(file));
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

    /** Counts bytes as they are read from the file. */
    static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0)
                count++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0)
                count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
