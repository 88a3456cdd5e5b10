package org.reelgraph.dump;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A sorted run spilled to a temporary file ({@link LineRun#writeTo}): (length, bytes) records, the
 * length as a varint, seven bits a byte, low bits first.
 * Lengths rather than newlines, so no byte a line may hold can split it. Reads through its own
 * buffer: lines are returned in place when they lie whole in it.
 */
final class RunFile implements SortedLines, AutoCloseable {
    /** Every this many records a run file's writer notes where one starts: a sparse index. */
    static final int SAMPLE_EVERY = 1024;

    /** A record of a run file and where it starts in the file. */
    record Sample(long offset, byte[] line) {}

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;
    /** The current line: in {@code buffer}, or copied to {@code spanning} when it crossed the buffer's end. */
    private byte[] current;
    private int offset;
    private int length;
    private byte[] spanning = new byte[256];

    RunFile(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public boolean next() {
        try {
            int b = read();
            if (b < 0)
                return false;
            int n = 0;
            for (int shift = 0; ; shift += 7) {
                n |= (b & 0x7F) << shift;
                if (b < 0x80)
                    break;
                b = read();
                if (b < 0)
                    throw new EOFException("sort run ends inside a record");
            }
            length = n;
            if (limit - position >= n) {
                current = buffer;
                offset = position;
                position += n;
                return true;
            }
            if (spanning.length < n)
                spanning = new byte[Math.max(n, spanning.length * 2)];
            int have = limit - position;
            System.arraycopy(buffer, position, spanning, 0, have);
            position = limit;
            if (in.readNBytes(spanning, have, n - have) != n - have)
                throw new EOFException("sort run ends inside a record");
            current = spanning;
            offset = 0;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a sort run", e);
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = Math.max(0, in.readNBytes(buffer, 0, buffer.length));
            position = 0;
            if (limit == 0)
                return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public byte[] bytes() {
        return current;
    }

    @Override
    public int offset() {
        return offset;
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
