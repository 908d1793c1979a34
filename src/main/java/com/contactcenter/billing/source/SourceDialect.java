package com.contactcenter.billing.source;

/** What differs between the databases a source can run on. */
enum SourceDialect {
    /** MySQL and MariaDB through Connector/J. */
    MYSQL {
        @Override
        int streamingFetchSize() {
            return Integer.MIN_VALUE;
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

    static SourceDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("unsupported source url: only jdbc:mysql:, jdbc:mariadb: and jdbc:h2: are read");
    }
}
