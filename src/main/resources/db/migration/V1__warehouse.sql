-- The warehouse: a copy of each source's reference tables, classified facts per local day,
-- sync runs and immutable snapshot versions. Portable between H2 (MODE=MySQL) and MySQL/MariaDB
-- (create the database with CHARACTER SET utf8mb4 so names keep their emoji).

CREATE TABLE sync_run (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    source           VARCHAR(60)   NOT NULL,
    range_from       DATE          NOT NULL,
    range_to         DATE          NOT NULL,
    as_of            DATETIME(3)   NOT NULL,
    started_at       DATETIME(3)   NOT NULL,
    finished_at      DATETIME(3)   NULL,
    status           VARCHAR(20)   NOT NULL,
    days_done        INT           NOT NULL DEFAULT 0,
    rows_read        BIGINT        NOT NULL DEFAULT 0,
    error_message    VARCHAR(2000) NULL,
    job_execution_id BIGINT        NULL
);
CREATE INDEX sync_run_by_source ON sync_run (source, status, as_of);

-- Which sync run the reference copy of a source came from.
CREATE TABLE wh_reference (
    source      VARCHAR(60) NOT NULL PRIMARY KEY,
    sync_run_id BIGINT      NOT NULL,
    as_of       DATETIME(3) NOT NULL
);

CREATE TABLE wh_role (
    source VARCHAR(60)  NOT NULL,
    id     INT          NOT NULL,
    name   VARCHAR(255) NOT NULL,
    PRIMARY KEY (source, id)
);

CREATE TABLE wh_user (
    source         VARCHAR(60)  NOT NULL,
    id             BIGINT       NOT NULL,
    full_name      VARCHAR(400) NOT NULL,
    email          VARCHAR(400) NOT NULL,
    role_id        INT          NULL,
    created_at     DATETIME(3)  NOT NULL,
    deactivated_at DATETIME(3)  NULL,
    last_login_at  DATETIME(3)  NULL,
    PRIMARY KEY (source, id)
);

CREATE TABLE wh_channel (
    source  VARCHAR(60)  NOT NULL,
    id      INT          NOT NULL,
    type    VARCHAR(60)  NOT NULL,
    name    VARCHAR(255) NOT NULL,
    address VARCHAR(400) NULL,
    PRIMARY KEY (source, id)
);

CREATE TABLE wh_user_channel (
    source      VARCHAR(60) NOT NULL,
    user_id     BIGINT      NOT NULL,
    channel_id  INT         NOT NULL,
    assigned_at DATETIME(3) NOT NULL,
    PRIMARY KEY (source, user_id, channel_id)
);

-- One row per (source, local day) synced: which run wrote the day's facts, and as of when.
CREATE TABLE sync_day (
    source      VARCHAR(60) NOT NULL,
    local_day   DATE        NOT NULL,
    sync_run_id BIGINT      NOT NULL,
    as_of       DATETIME(3) NOT NULL,
    rows_read   BIGINT      NOT NULL,
    PRIMARY KEY (source, local_day)
);

CREATE TABLE fact_service_day (
    source      VARCHAR(60) NOT NULL,
    local_day   DATE        NOT NULL,
    channel_id  INT         NOT NULL,
    service_key VARCHAR(20) NOT NULL,
    row_count   BIGINT      NOT NULL,
    units       BIGINT      NOT NULL,
    PRIMARY KEY (source, local_day, channel_id, service_key)
);

CREATE TABLE fact_finding_day (
    source    VARCHAR(60) NOT NULL,
    local_day DATE        NOT NULL,
    reason    VARCHAR(40) NOT NULL,
    row_count BIGINT      NOT NULL,
    PRIMARY KEY (source, local_day, reason)
);

CREATE TABLE fact_user_day (
    source        VARCHAR(60) NOT NULL,
    local_day     DATE        NOT NULL,
    user_id       BIGINT      NOT NULL,
    sessions      BIGINT      NOT NULL,
    messages_sent BIGINT      NOT NULL,
    calls         BIGINT      NOT NULL,
    call_minutes  BIGINT      NOT NULL,
    PRIMARY KEY (source, local_day, user_id)
);

-- Never updated: a new version is a new row; the unique key makes two writers collide.
CREATE TABLE snapshot (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    source       VARCHAR(60)   NOT NULL,
    period_from  DATE          NOT NULL,
    period_to    DATE          NOT NULL,
    group_by     VARCHAR(10)   NOT NULL,
    version      INT           NOT NULL,
    as_of        DATETIME(3)   NOT NULL,
    sync_run_ids VARCHAR(2000) NOT NULL,
    computed_at  DATETIME(3)   NOT NULL,
    content_hash VARCHAR(64)   NOT NULL,
    document     LONGTEXT      NOT NULL,
    CONSTRAINT snapshot_version UNIQUE (source, period_from, period_to, group_by, version)
);
