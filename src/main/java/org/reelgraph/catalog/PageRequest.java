package org.reelgraph.catalog;

import java.util.List;

/**
 * Which slice of a long list to answer: skip {@code offset} items, return at most {@code limit}.
 * Every list the JSON API answers is bounded by {@link #MAX_LIMIT}, so a franchise with 5,000 films
 * never becomes one unbounded response.
 */
public record PageRequest(int offset, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final PageRequest FIRST = new PageRequest(0, DEFAULT_LIMIT);

    public PageRequest {
        if (offset < 0)
            throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
        if (limit < 1 || limit > MAX_LIMIT)
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
    }

    /**
     * From query parameters as users write them; null means the default. The message of the
     * {@link IllegalArgumentException} says what is wrong and what to send instead.
     */
    public static PageRequest parse(String offset, String limit) {
        int o = offset == null ? 0 : number("offset", offset);
        int l = limit == null ? DEFAULT_LIMIT : number("limit", limit);
        if (o < 0)
            throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
        if (l > MAX_LIMIT)
            throw new IllegalArgumentException("limit is at most " + MAX_LIMIT + ", not " + limit
                    + ": page through longer lists with offset (the answer links the next page)");
        if (l < 1)
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        return new PageRequest(o, l);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            // Digits too many for an int are still a number: say the limit rather than "not a number".
            if (value.strip().matches("-?\\d+"))
                return value.strip().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    /** This slice of {@code all}, with the total. */
    public <T> Page<T> of(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), this, all.size());
    }

    /** The page after this one. */
    public PageRequest next() {
        return new PageRequest((int) Math.min((long) offset + limit, Integer.MAX_VALUE), limit);
    }

    /** The page before this one (from 0 when this one starts less than a page in). */
    public PageRequest previous() {
        return new PageRequest(Math.max(0, offset - limit), limit);
    }
}
