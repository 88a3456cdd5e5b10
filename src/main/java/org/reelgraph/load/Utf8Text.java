package org.reelgraph.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding. Jena's parsers replace invalid bytes silently even under a strict
 * error handler, so the encoding is checked here, with the line of the first bad byte.
 */
public final class Utf8Text {
    private Utf8Text() {}

    public static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new LoadException(new SourceError(source, lineAt(bytes, offset),
                    String.format("invalid UTF-8 byte 0x%02X at byte %d: save the file as UTF-8", bytes[offset] & 0xFF, offset)));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (text.indexOf('\u0000') >= 0)
            throw new LoadException(new SourceError(source, lineAt(bytes, indexOf(bytes, (byte) 0)),
                    "NUL byte: this looks like a binary file, not text"));
        return text;
    }

    private static long lineAt(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++)
            if (bytes[i] == '\n')
                line++;
        return line;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++)
            if (bytes[i] == b)
                return i;
        return -1;
    }
}
