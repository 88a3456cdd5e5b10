package org.reelgraph.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers remembered per data version: an answer read from one snapshot stays right until the next
 * committed write moves the store's version on, so a repeated request costs a version look-up (over a
 * remote store one small query, instead of every pattern the answer reads) and a map look-up. Every
 * front end over the same store sees the version move, so none answers from before another's write.
 * At most {@code maxEntries} answers, the least recently used dropped first.
 *
 * @param <K> the request (a record: equal requests, equal answers)
 * @param <V> the answer; shared between requests, so immutable
 */
public final class VersionedAnswers<K, V> {
    private record Key<K>(String version, K request) {}

    private final Store store;
    private final Map<Key<K>, V> answers;

    public VersionedAnswers(Store store, int maxEntries) {
        this.store = store;
        this.answers = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key<K>, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The answer to {@code request} at the store's current version, computed (in the same read transaction) when not known yet. */
    public V get(K request, Supplier<V> compute) {
        return store.read(() -> {
            Key<K> key = new Key<>(store.version().tag(), request);
            synchronized (answers) {
                V cached = answers.get(key);
                if (cached != null)
                    return cached;
            }
            V answer = compute.get();
            synchronized (answers) {
                answers.put(key, answer);
            }
            return answer;
        });
    }
}
