package org.reelgraph.extract;

/**
 * Where a statement comes from: {@code text} equals {@code review.substring(start, end)}; offsets are
 * Java {@code String} indices (UTF-16 code units) into the review text.
 */
public record Evidence(String text, int start, int end) {
    public Evidence {
        if (text == null || start < 0 || end < start || end - start != text.length())
            throw new IllegalArgumentException("evidence offsets do not match its text: [" + start + ", " + end + ") '" + text + "'");
    }

    static Evidence of(String review, int start, int end) {
        return new Evidence(review.substring(start, end), start, end);
    }
}
