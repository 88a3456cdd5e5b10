package org.reelgraph.chronology;

import java.util.Optional;

import org.reelgraph.store.Store;
import org.reelgraph.store.VersionedAnswers;

/** Chronology answers remembered per data version ({@link VersionedAnswers}): a repeated request costs a map look-up. */
public final class CachedChronology {
    private static final int MAX_ENTRIES = 10_000;

    private final ChronologyService service;
    private final VersionedAnswers<ChronologyService.Request, Optional<ChronologyService.Answer>> answers;

    public CachedChronology(Store store, ChronologyService service) {
        this.service = service;
        this.answers = new VersionedAnswers<>(store, MAX_ENTRIES);
    }

    public Optional<ChronologyService.Answer> chronology(ChronologyService.Request request) {
        return answers.get(request, () -> service.chronology(request));
    }
}
