package org.reelgraph.dump;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A sorted run spilled to a temporary file ({@link LineRun#writeTo}): front-coded records, each the
 * number of bytes it shares with the line before, the length of the rest, then the rest (the two
 * numbers as varints, seven bits a byte, low bits first). Sorted lines share long starts (one
 * subject, one namespace), so the files are a fraction of the lines' size. Lengths rather than
 * newlines, so no byte a line may hold can split it.
 */
final class RunFile implements SortedLines, AutoCloseable {
    /** Every this many records a run file's writer writes one whole and notes where it starts: a sparse index. */
    static final int SAMPLE_EVERY = 1024;

    /** A record of a run file, whole, and where it starts in the file. */
    record Sample(long offset, byte[] line) {}

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private boolean exhausted;

    RunFile(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public boolean next() {
        if (exhausted)
            return false;
        try {
            int first = read();
            if (first < 0) {
                // Read to the end: the file's pages can go now rather than when the sort closes.
                exhausted = true;
                in.close();
                return false;
            }
            int shared = varint(first);
            int suffix = varint(read());
            if (shared > length)
                throw new IOException("sort run record shares more than the line before has");
            int n = shared + suffix;
            if (line.length < n)
                line = Arrays.copyOf(line, Math.max(n, line.length * 2));
            for (int at = shared; at < n; ) {
                if (position == limit && !fill())
                    throw new EOFException("sort run ends inside a record");
                int k = Math.min(n - at, limit - position);
                System.arraycopy(buffer, position, line, at, k);
                position += k;
                at += k;
            }
            length = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a sort run", e);
        }
    }

    private int varint(int b) throws IOException {
        int n = 0;
        for (int shift = 0; ; shift += 7) {
            if (b < 0)
                throw new EOFException("sort run ends inside a record");
            n |= (b & 0x7F) << shift;
            if (b < 0x80)
                return n;
            b = read();
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill())
            return -1;
        return buffer[position++] & 0xFF;
    }

    private boolean fill() throws IOException {
        limit = Math.max(0, in.readNBytes(buffer, 0, buffer.length));
        position = 0;
        return limit > 0;
    }

    @Override
    public byte[] bytes() {
        return line;
    }

    @Override
    public int offset() {
        return 0;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
