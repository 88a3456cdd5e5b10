package org.reelgraph.chronology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.reelgraph.store.Store;

/**
 * Chronology answers remembered per data version: an answer read from one snapshot stays right until
 * the next committed write changes the version, so repeated requests cost a map look-up. Only
 * answers computed in read transactions are kept (never one computed inside a write).
 */
public final class CachedChronology {
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String version, ChronologyService.Request request) {}

    private final Store store;
    private final ChronologyService service;
    private final Map<Key, Optional<ChronologyService.Answer>> answers = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<ChronologyService.Answer>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public CachedChronology(Store store, ChronologyService service) {
        this.store = store;
        this.service = service;
    }

    public Optional<ChronologyService.Answer> chronology(ChronologyService.Request request) {
        return store.read(() -> {
            Key key = new Key(store.version().tag(), request);
            synchronized (answers) {
                Optional<ChronologyService.Answer> cached = answers.get(key);
                if (cached != null)
                    return cached;
            }
            Optional<ChronologyService.Answer> answer = service.chronology(request);
            synchronized (answers) {
                answers.put(key, answer);
            }
            return answer;
        });
    }
}
