package org.reelgraph.dump;

/**
 * A fixed number of slots, each holding the last key that hashed to it: constant memory, no
 * bookkeeping on a hit, and good enough when recently seen keys are the likely ones. Each slot also
 * keeps a fingerprint of its key (the value of a {@code Long} key, else its hash), so most misses,
 * and every look-up of a {@code Long} key, need not read the key object.
 */
final class DirectMappedCache<K, V> {
    private final Object[] keys;
    private final Object[] values;
    private final long[] prints;
    private final int shift;

    /** {@code slots} is rounded up to a power of two. */
    DirectMappedCache(int slots) {
        int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        keys = new Object[size];
        values = new Object[size];
        prints = new long[size];
        shift = 64 - Integer.numberOfTrailingZeros(size);
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        long print = print(key);
        int slot = slot(print);
        if (prints[slot] != print)
            return null;
        Object stored = keys[slot];
        // Two Longs with one fingerprint are equal; anything else is compared.
        boolean same = key instanceof Long ? stored instanceof Long : key.equals(stored);
        return same ? (V) values[slot] : null;
    }

    void put(K key, V value) {
        long print = print(key);
        int slot = slot(print);
        keys[slot] = key;
        values[slot] = value;
        prints[slot] = print;
    }

    private static long print(Object key) {
        return key instanceof Long id ? id : key.hashCode();
    }

    private int slot(long print) {
        // Fibonacci hashing spreads ids that differ only in their low or high bits.
        return (int) ((print * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
