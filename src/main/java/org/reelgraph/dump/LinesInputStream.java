package org.reelgraph.dump;

import java.io.InputStream;

/** Sorted lines as one byte stream, a {@code \n} after each, so a RIOT parser can read them. */
final class LinesInputStream extends InputStream {
    private final SortedLines lines;
    /** Bytes of the current line still to read (0: only its newline is left); -2 before a line. */
    private int remaining = -2;
    private int position;

    LinesInputStream(SortedLines lines) {
        this.lines = lines;
    }

    private boolean fill() {
        if (remaining == -2) {
            if (!lines.next())
                return false;
            position = lines.offset();
            remaining = lines.length();
        }
        return true;
    }

    @Override
    public int read() {
        if (!fill())
            return -1;
        if (remaining == 0) {
            remaining = -2;
            return '\n';
        }
        remaining--;
        return lines.bytes()[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0)
            return 0;
        int n = 0;
        while (n < length && fill()) {
            if (remaining == 0) {
                buffer[offset + n++] = '\n';
                remaining = -2;
                continue;
            }
            int k = Math.min(length - n, remaining);
            System.arraycopy(lines.bytes(), position, buffer, offset + n, k);
            position += k;
            remaining -= k;
            n += k;
        }
        return n == 0 ? -1 : n;
    }
}
