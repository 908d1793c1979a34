package com.contactcenter.billing.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
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

    @Test
    void streamsRowsAsTheyAreReadInChunksOfAbout64Kb() throws IOException {
        // given 50,000 rows, about 1.2 MB of text
        List<Integer> numbers = IntStream.range(0, 50_000).boxed().toList();
        StringBuilder expected = new StringBuilder();
        for (int i : numbers) {
            expected.append(i).append('\t').append("Zoë 😀 ").append(i).append('\n');
        }
        int[] written = new int[1];
        BulkInsert.RowStream<Integer> stream = new BulkInsert.RowStream<>(numbers.iterator(), (i, values) -> {
            written[0]++;
            values.number(i).text("Zoë 😀 " + i);
        });

        // when the first bytes are read, only the rows of the first chunk are made
        byte[] first = new byte[10];
        assertThat(stream.read(first, 0, 10)).isEqualTo(10);
        assertThat(written[0]).isBetween(2_000, 4_000);

        // then all of it reads back, in small reads and single bytes alike, exactly
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(first);
        all.write(stream.read());
        byte[] buffer = new byte[1000];
        for (int n; (n = stream.read(buffer, 0, buffer.length)) > 0; ) {
            all.write(buffer, 0, n);
        }
        assertThat(stream.read()).isEqualTo(-1);
        assertThat(written[0]).isEqualTo(50_000);
        assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
