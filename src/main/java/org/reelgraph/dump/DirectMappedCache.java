package org.reelgraph.dump;

/**
 * A fixed number of slots, each holding the last key that hashed to it: constant memory, no
 * bookkeeping on a hit, and good enough when recently seen keys are the likely ones.
 */
final class DirectMappedCache<K, V> {
    private final Object[] keys;
    private final Object[] values;
    private final int shift;

    /** {@code slots} is rounded up to a power of two. */
    DirectMappedCache(int slots) {
        int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        keys = new Object[size];
        values = new Object[size];
        shift = 32 - Integer.numberOfTrailingZeros(size);
    }

    @SuppressWarnings("unchecked")
    V get(K key) {
        int slot = slot(key);
        return key.equals(keys[slot]) ? (V) values[slot] : null;
    }

    void put(K key, V value) {
        int slot = slot(key);
        keys[slot] = key;
        values[slot] = value;
    }

    private int slot(K key) {
        // Fibonacci hashing spreads ids that differ only in their low or high bits.
        return (key.hashCode() * 0x9E3779B9) >>> shift;
    }
}
