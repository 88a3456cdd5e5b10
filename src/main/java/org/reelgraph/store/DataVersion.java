package org.reelgraph.store;

import java.time.Instant;

/**
 * Identifies a state of the store for HTTP caching: {@code tag} changes with every committed write
 * (and with every restart, since TDB2 does not persist its version); {@code lastModified} is when this
 * process first saw that state, never earlier than the write itself.
 */
public record DataVersion(String tag, Instant lastModified) {}
