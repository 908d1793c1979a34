package com.contactcenter.billing.source;

/** What differs between the databases a source can run on. */
enum SourceDialect {
    /** MySQL and MariaDB through Connector/J. */
    MYSQL {
        @Override
        int streamingFetchSize() {
            return Integer.MIN_VALUE;
        }

        /**
         * Server-side prepared statements make the server send binary rows: measured on a month of
         * 10 M rows (README, Performance), the bare queries took 3.5 s instead of 10.3 s and the
         * sync read 7.2 s instead of 13.5 s, since neither side formats nor parses numbers and
         * timestamps as text.
         */
        @Override
        java.util.Map<String, String> driverProperties(java.time.Duration connectTimeout) {
            return java.util.Map.of(
                    "useServerPrepStmts", "true", "connectTimeout", String.valueOf(connectTimeout.toMillis()));
        }
    },
    /** H2, the demo's and the tests' embedded database. */
    H2 {
        @Override
        int streamingFetchSize() {
            return 1000;
        }
    };

    /** Connector/J streams row by row only with MIN_VALUE; without it the whole result is held in memory. */
    abstract int streamingFetchSize();

    /** Driver settings for reading, each unless the source's url sets it. */
    java.util.Map<String, String> driverProperties(java.time.Duration connectTimeout) {
        return java.util.Map.of();
    }

    static SourceDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException(
                "unsupported source url: only jdbc:mysql:, jdbc:mariadb: and jdbc:h2: are read");
    }
}
