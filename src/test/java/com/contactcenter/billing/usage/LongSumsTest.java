package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongSumsTest {

    private enum Field {
        FIRST,
        SECOND
    }

    @Test
    void sumsEveryKeyApartWhileTheTableGrowsAndKeepsInsertionOrder() {
        LongSums<Field> sums = new LongSums<>(Field.class);
        long[] keys = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 7};
        for (int round = 1; round <= 3; round++) {
            for (long key : keys) {
                sums.add(key, Field.FIRST, 1);
                sums.add(key, Field.SECOND, round);
            }
            for (long k = 100; k < 5_100; k++) {
                sums.add(k, Field.SECOND, k);
            }
        }

        assertThat(sums.size()).isEqualTo(keys.length + 5_000);
        for (int i = 0; i < keys.length; i++) {
            assertThat(sums.key(i)).isEqualTo(keys[i]);
            assertThat(sums.sum(i, Field.FIRST)).isEqualTo(3);
            assertThat(sums.sum(i, Field.SECOND)).isEqualTo(6);
        }
        assertThat(sums.key(keys.length + 4_999)).isEqualTo(5_099);
        assertThat(sums.sum(keys.length + 4_999, Field.FIRST)).isZero();
        assertThat(sums.sum(keys.length + 4_999, Field.SECOND)).isEqualTo(3 * 5_099);
    }
}
