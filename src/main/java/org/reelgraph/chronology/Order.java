package org.reelgraph.chronology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two orders of DESIGN.md section 4. */
public enum Order {
    STORY, RELEASE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Order> parse(String value) {
        return Arrays.stream(values()).filter(o -> o.id().equals(value)).findFirst();
    }
}
