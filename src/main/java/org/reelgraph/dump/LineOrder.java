package org.reelgraph.dump;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Orders UTF-8 lines as {@link String#compareTo} orders the strings they encode (UTF-16 code units),
 * so the dump's order stays what it was when lines were sorted as strings. Byte order is code point
 * order, which differs from UTF-16 order only between U+E000..U+FFFF (lead bytes EE, EF) and the
 * supplementary planes (lead bytes F0..F4, surrogate pairs in UTF-16): those lead bytes are swapped.
 * At the first differing byte of two lines both bytes start a character or both continue
 * characters with the same lead byte, so looking at that byte alone is enough.
 */
final class LineOrder {
    private LineOrder() {}

    static int compare(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
        int i = Arrays.mismatch(a, aFrom, aFrom + aLength, b, bFrom, bFrom + bLength);
        if (i < 0)
            return 0;
        if (i >= aLength || i >= bLength)
            return aLength - bLength;
        return rank(a[aFrom + i]) - rank(b[bFrom + i]);
    }

    /** The same order for two lines in one buffer, read eight bytes at a time (big-endian, so the first differing byte is the highest). */
    static int compare(ByteBuffer data, int a, int aLength, int b, int bLength) {
        int n = Math.min(aLength, bLength);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = data.getLong(a + i);
            long y = data.getLong(b + i);
            if (x != y) {
                int shift = 56 - (Long.numberOfLeadingZeros(x ^ y) & ~7);
                return rank((byte) (x >>> shift)) - rank((byte) (y >>> shift));
            }
        }
        for (; i < n; i++) {
            byte x = data.get(a + i);
            byte y = data.get(b + i);
            if (x != y)
                return rank(x) - rank(y);
        }
        return aLength - bLength;
    }

    /** How many bytes two lines in one buffer share at their start. */
    static int common(ByteBuffer data, int a, int aLength, int b, int bLength) {
        int n = Math.min(aLength, bLength);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = data.getLong(a + i);
            long y = data.getLong(b + i);
            if (x != y)
                return i + (Long.numberOfLeadingZeros(x ^ y) >>> 3);
        }
        while (i < n && data.get(a + i) == data.get(b + i))
            i++;
        return i;
    }

    static boolean equal(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
        return Arrays.equals(a, aFrom, aFrom + aLength, b, bFrom, bFrom + bLength);
    }

    /** A byte's place in the order: itself, but for the lead bytes EE..F4, which are rearranged. */
    static int rank(byte b) {
        int u = b & 0xFF;
        if (u >= 0xF0 && u <= 0xF4)
            return u - 2;
        if (u == 0xEE || u == 0xEF)
            return u + 5;
        return u;
    }
}
