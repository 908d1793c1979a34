package com.contactcenter.billing.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.support.MariaDb;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Both ways {@link BulkInsert} writes, on a real MariaDB: LOAD DATA LOCAL from memory, and batches. */
@ExtendWith(MariaDb.class)
class BulkInsertMariaDbIT {

    private static final String DATABASE = "billing_it_bulk";
    private static final List<String> COLUMNS = List.of("source", "n", "name", "day", "at");

    record Probe(String source, long n, String name, LocalDate day, Instant at) {}

    /** Hostile text, NULLs, extreme numbers, instants to the millisecond. */
    private static final List<Probe> ROWS = List.of(
            new Probe(
                    "acme",
                    1,
                    "tab\there, newline\nthere, backslash \\ and \\N",
                    LocalDate.of(2026, 3, 1),
                    Instant.parse("2026-03-01T04:59:59.999Z")),
            new Probe("acme", Long.MAX_VALUE, null, LocalDate.of(2000, 1, 1), null),
            new Probe(
                    "acme",
                    Long.MIN_VALUE,
                    "=HYPERLINK(\"http://x\")",
                    LocalDate.of(2099, 12, 31),
                    Instant.parse("2026-11-01T05:00:00Z")),
            new Probe(
                    "o'brien\t\"x\"",
                    4,
                    "Ñandú 🚀 \r\n end\0",
                    LocalDate.of(2026, 11, 1),
                    Instant.parse("1970-01-01T00:00:00.001Z")),
            new Probe("acme", 5, "", LocalDate.of(2026, 11, 2), Instant.parse("2026-11-02T00:00:00Z")));

    private JdbcTemplate bulkLoading;
    private JdbcTemplate batching;

    @BeforeEach
    void table() {
        MariaDb.recreate(DATABASE);
        bulkLoading = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                MariaDb.warehouseUrl(DATABASE), MariaDb.USER, MariaDb.PASSWORD));
        batching = new JdbcTemplate(MariaDb.dataSource(DATABASE));
        batching.execute("CREATE TABLE probe (source VARCHAR(60) NOT NULL, n BIGINT NOT NULL, name VARCHAR(400) NULL,"
                + " day DATE NOT NULL, at DATETIME(3) NULL, PRIMARY KEY (source, n)) CHARACTER SET utf8mb4");
    }

    @Test
    void loadsEveryValueExactlyFromMemory() {
        // when
        insert(new BulkInsert(bulkLoading), ROWS);

        // then
        assertThat(readBack()).containsExactlyInAnyOrderElementsOf(ROWS);
        assertThat(batching.queryForObject("SELECT COUNT(*) FROM probe WHERE name IS NULL", Long.class))
                .isEqualTo(1);
    }

    @Test
    void insertsTheSameValuesInBatchesWhenTheUrlDoesNotAllowLocalData() {
        // when
        insert(new BulkInsert(batching), ROWS);

        // then
        assertThat(readBack()).containsExactlyInAnyOrderElementsOf(ROWS);
    }

    @Test
    void failsInsteadOfSkippingARowWhoseKeyIsTaken() {
        // given: LOAD DATA LOCAL would skip a duplicate key with a warning
        List<Probe> twice = new ArrayList<>(ROWS);
        twice.add(new Probe("acme", 1, "again", LocalDate.of(2026, 3, 2), null));

        // then
        assertThatThrownBy(() -> insert(new BulkInsert(bulkLoading), twice))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the warehouse took 5 of 6 rows into probe");
        assertThatThrownBy(() -> insert(new BulkInsert(batching), twice)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void fallsBackToBatchesWhenTheServerRefusesLocalData() {
        // given
        bulkLoading.execute("SET GLOBAL local_infile = 0");
        try {
            BulkInsert bulk = new BulkInsert(bulkLoading);

            // when
            insert(bulk, ROWS.subList(0, 2));
            insert(bulk, ROWS.subList(2, 5));
        } finally {
            bulkLoading.execute("SET GLOBAL local_infile = 1");
        }

        // then
        assertThat(readBack()).containsExactlyInAnyOrderElementsOf(ROWS);
    }

    private static void insert(BulkInsert bulk, List<Probe> rows) {
        bulk.insert(
                "probe",
                COLUMNS,
                rows,
                2,
                (p, row) -> row.text(p.source())
                        .number(p.n())
                        .text(p.name())
                        .date(p.day())
                        .instant(p.at()));
    }

    private List<Probe> readBack() {
        return batching.query(
                "SELECT source, n, name, day, at FROM probe",
                (rs, i) -> new Probe(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        Utc.read(rs, 5)));
    }
}
