package com.contactcenter.billing.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BulkInsertTest {

    @Test
    void writesRowsAsLoadDataTextWithEveryControlCharacterEscaped() {
        // given
        BulkInsert.TabSeparated rows = new BulkInsert.TabSeparated();

        // when
        rows.text("a\tb\nc\\d\re\0f")
                .number(-7)
                .date(LocalDate.of(2026, 3, 1))
                .instant(Instant.parse("2026-03-01T04:59:59.999Z"));
        rows.endRow();
        rows.text(null).number(Long.MIN_VALUE).date(null).instant(null);
        rows.endRow();
        rows.text("\\N").text("=HYPERLINK(\"x\")").text("Ñandú 🚀").text("");
        rows.endRow();

        // then
        assertThat(rows.asText())
                .isEqualTo("a\\tb\\nc\\\\d\\re\\0f\t-7\t2026-03-01\t2026-03-01 04:59:59.999\n"
                        + "\\N\t-9223372036854775808\t\\N\t\\N\n"
                        + "\\\\N\t=HYPERLINK(\"x\")\tÑandú 🚀\t\n");
    }

    @Test
    void keepsRowsWholeAcrossTheBufferFlushes() {
        // given
        BulkInsert.TabSeparated rows = new BulkInsert.TabSeparated();
        StringBuilder expected = new StringBuilder();

        // when: rows of 4-byte characters, past the 64 KB buffer many times
        for (int i = 0; i < 20_000; i++) {
            rows.number(i).text("🚀é" + i);
            rows.endRow();
            expected.append(i).append('\t').append("🚀é").append(i).append('\n');
        }

        // then
        assertThat(rows.asText()).isEqualTo(expected.toString());
    }
}
