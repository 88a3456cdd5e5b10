package org.reelgraph.dump;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One byte range of an HTTP {@code Range} header (RFC 9110 section 14), resolved against a length. */
public record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public long length() {
        return last - first + 1;
    }

    /** The range, empty when the header is absent, malformed or asks for several ranges (serve it all). */
    public static Optional<ByteRange> parse(String header, long length) throws Unsatisfiable {
        if (header == null)
            return Optional.empty();
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()))
            return Optional.empty();
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0)
                    throw new Unsatisfiable();
                return Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
            if (first >= length)
                throw new Unsatisfiable();
            return first > last ? Optional.empty() : Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The range starts beyond the end: answer 416. */
    public static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super("range not satisfiable");
        }
    }
}
