package org.reelgraph.dump;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Lines as a UTF-8 byte stream, one {@code \n} after each, so a RIOT parser can read sorted lines. */
final class LinesInputStream extends InputStream {
    private final Iterator<String> lines;
    private byte[] current = new byte[0];
    private int position;

    LinesInputStream(Iterator<String> lines) {
        this.lines = lines;
    }

    private boolean fill() {
        while (position >= current.length) {
            if (!lines.hasNext())
                return false;
            current = (lines.next() + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }

    @Override
    public int read() {
        return fill() ? current[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0)
            return 0;
        if (!fill())
            return -1;
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
