package org.reelgraph.vocab;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of resource that have IRIs {@code https://w3id.org/reelgraph/id/{kind}/{slug}}. */
public enum Kind {
    FRANCHISE, FILM, SERIES, PERSON, CHARACTER, ORGANIZATION, REVIEW, IMAGE;

    /** The path segment of this kind, e.g. {@code film}. */
    public String segment() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Kind> fromSegment(String segment) {
        return Arrays.stream(values()).filter(k -> k.segment().equals(segment)).findFirst();
    }
}
