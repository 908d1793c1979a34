package com.contactcenter.billing.source;

/** What differs between the databases a source can run on. */
enum SourceDialect {
    /** MySQL and MariaDB: default collations ignore case and trailing spaces, so exact text needs bytes. */
    MYSQL {
        @Override
        String exact(String column) {
            return "CAST(" + column + " AS BINARY)";
        }

        @Override
        String orderByNull() {
            return "ORDER BY NULL";
        }

        @Override
        int streamingFetchSize() {
            return Integer.MIN_VALUE;
        }
    },
    /** H2 compares text exactly already. */
    H2 {
        @Override
        String exact(String column) {
            return column;
        }

        @Override
        String orderByNull() {
            return "";
        }

        @Override
        int streamingFetchSize() {
            return 1000;
        }
    };

    abstract String exact(String column);

    abstract String orderByNull();

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
