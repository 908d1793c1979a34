package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceLocationsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:mysql://db1.internal:3306/cc?useSSL=true&password=hunter2 | db1.internal:3306",
                "jdbc:mysql://billing:hunter2@db1:3306/cc                      | db1:3306",
                "jdbc:mariadb://10.0.0.7/cc                                    | 10.0.0.7",
                "jdbc:mysql://db1:3306,db2:3306/cc                             | db1:3306",
                "jdbc:h2:file:./data/demo-source;MODE=MySQL;PASSWORD=hunter2   | h2:file:./data/demo-source",
                "jdbc:h2:mem:t1;MODE=MySQL                                     | h2:mem:t1"
            })
    void describesWhereASourceLivesWithoutCredentials(String url, String expected) {
        String described = SourceLocations.describe(url);

        assertThat(described).isEqualTo(expected);
        assertThat(described).doesNotContain("hunter2");
    }

    @Test
    void rejectsAnOverrideOfAQueryThatDoesNotExist() {
        assertThatThrownBy(() -> new ExtractionQueries(Map.of("agents", "SELECT 1")))
                .hasMessageStartingWith("unknown extraction query 'agents'");
    }

    @Test
    void anOverrideReplacesOnlyItsQuery() {
        ExtractionQueries queries = new ExtractionQueries(Map.of("users", "SELECT 1"));

        assertThat(queries.get("users")).isEqualTo("SELECT 1");
        assertThat(queries.get("messages")).startsWith("SELECT created_at, channel_id, user_id, direction, segments");
    }

    @Test
    void refusesADatabaseItCannotRead() {
        assertThatThrownBy(() -> SourceDialect.of("jdbc:postgresql://db/x"))
                .hasMessageContaining("only jdbc:mysql:, jdbc:mariadb: and jdbc:h2: are read");
    }
}
