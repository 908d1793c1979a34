package com.contactcenter.billing.usage;

import java.util.Arrays;

/**
 * Sums per {@code long} key, each key a row of sums named by the constants of {@code F}: an
 * open-addressing table with no boxed key and no allocation per add. A sync adds to it once or
 * twice per source row (tens of millions of times a month), where a {@code HashMap<Long, long[]>}
 * cost more than reading the rows (see docs/performance.md). Keys keep their insertion order.
 */
final class LongSums<F extends Enum<F>> {

    private final int width;
    /** Per hash slot, the key's index plus one; 0 for a free slot. */
    private int[] slots = new int[16];

    private long[] keys = new long[8];
    private long[] sums;
    private int size;

    LongSums(Class<F> fields) {
        this.width = fields.getEnumConstants().length;
        this.sums = new long[keys.length * width];
    }

    void add(long key, F field, long value) {
        int index = indexOf(key); // first: it may grow the arrays
        sums[index * width + field.ordinal()] += value;
    }

    /** Adds to two fields of one key, with one lookup. */
    void add(long key, F field, long value, F otherField, long otherValue) {
        int at = indexOf(key) * width;
        sums[at + field.ordinal()] += value;
        sums[at + otherField.ordinal()] += otherValue;
    }

    int size() {
        return size;
    }

    long key(int index) {
        return keys[index];
    }

    long sum(int index, F field) {
        return sums[index * width + field.ordinal()];
    }

    private int indexOf(long key) {
        int mask = slots.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return insert(key, slot);
            }
            if (keys[entry - 1] == key) {
                return entry - 1;
            }
        }
    }

    private int insert(long key, int slot) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            sums = Arrays.copyOf(sums, size * 2 * width);
        }
        keys[size] = key;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = hash(keys[i]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
