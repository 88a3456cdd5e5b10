package org.reelgraph.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 text from a stream, as {@link Utf8Text} checks a whole file but without holding it:
 * an invalid byte or a NUL is a {@link LoadException} naming the line (and the byte offset).
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] bytes = new byte[1 << 16];
    private final ByteBuffer bb = ByteBuffer.wrap(bytes).limit(0);
    private final CharBuffer cb = CharBuffer.allocate(1 << 16).limit(0);
    private long bytesRead;
    private long line = 1;
    private boolean eof;
    private boolean flushed;

    StrictUtf8Reader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public int read(char[] dst, int off, int len) throws IOException {
        if (len == 0)
            return 0;
        while (!cb.hasRemaining())
            if (!fill())
                return -1;
        int n = Math.min(len, cb.remaining());
        cb.get(dst, off, n);
        for (int i = off; i < off + n; i++) {
            char c = dst[i];
            if (c == '\n')
                line++;
            else if (c == '\u0000')
                throw new LoadException(new SourceError(source, line, "NUL byte: this looks like a binary file, not text"));
        }
        return n;
    }

    /** Decodes the next chars into {@link #cb}; false at the end. */
    private boolean fill() throws IOException {
        cb.clear();
        while (true) {
            CoderResult r = decoder.decode(bb, cb, eof);
            if (r.isError()) {
                long offset = bytesRead - bb.limit() + bb.position();
                long at = line;
                for (int i = 0; i < cb.position(); i++)
                    if (cb.get(i) == '\n')
                        at++;
                throw new LoadException(new SourceError(source, at,
                        String.format("invalid UTF-8 byte 0x%02X at byte %d: save the file as UTF-8", bytes[bb.position()] & 0xFF, offset)));
            }
            if (r.isOverflow() || cb.position() > 0 && !eof)
                break;
            if (eof) {
                if (!flushed) {
                    decoder.flush(cb);
                    flushed = true;
                }
                break;
            }
            bb.compact();
            int n = in.read(bytes, bb.position(), bb.remaining());
            if (n < 0)
                eof = true;
            else {
                bb.position(bb.position() + n);
                bytesRead += n;
            }
            bb.flip();
        }
        cb.flip();
        return cb.hasRemaining();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
