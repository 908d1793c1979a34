package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongSumsTest {

    @Test
    void sumsEveryKeyApartWhileTheTableGrowsAndKeepsInsertionOrder() {
        LongSums sums = new LongSums(2);
        long[] keys = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 7};
        for (int round = 1; round <= 3; round++) {
            for (long key : keys) {
                sums.add(key, 0, 1);
                sums.add(key, 1, round);
            }
            for (long k = 100; k < 5_100; k++) {
                sums.add(k, 1, k);
            }
        }

        assertThat(sums.size()).isEqualTo(keys.length + 5_000);
        for (int i = 0; i < keys.length; i++) {
            assertThat(sums.key(i)).isEqualTo(keys[i]);
            assertThat(sums.sum(i, 0)).isEqualTo(3);
            assertThat(sums.sum(i, 1)).isEqualTo(6);
        }
        assertThat(sums.key(keys.length + 4_999)).isEqualTo(5_099);
        assertThat(sums.sum(keys.length + 4_999, 0)).isZero();
        assertThat(sums.sum(keys.length + 4_999, 1)).isEqualTo(3 * 5_099);
    }
}
