-- Reference schema of a tenant's operational database (shared/contract/operational-schema.md).
-- Portable between H2 2.4 (MODE=MySQL), MariaDB 10.11 and MySQL 8: no ENGINE or CHARSET clauses,
-- the tables take the database default (utf8mb4 on MariaDB/MySQL). All timestamps are UTC.
-- Index names are unique across the schema because H2 scopes index names to the schema.
-- Each statement ends with a line holding only ";" so that Java can split the file.

CREATE TABLE roles (
    id   INT         NOT NULL,
    name VARCHAR(60) NOT NULL,
    PRIMARY KEY (id)
)
;

CREATE TABLE users (
    id             BIGINT       NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    email          VARCHAR(320) NOT NULL,
    role_id        INT          NULL,
    created_at     DATETIME(3)  NOT NULL,
    deactivated_at DATETIME(3)  NULL,
    last_login_at  DATETIME(3)  NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
)
;

CREATE TABLE channels (
    id      INT          NOT NULL,
    type    VARCHAR(20)  NOT NULL,
    name    VARCHAR(120) NOT NULL,
    address VARCHAR(200) NULL,
    PRIMARY KEY (id)
)
;

CREATE TABLE user_channels (
    user_id     BIGINT      NOT NULL,
    channel_id  INT         NOT NULL,
    assigned_at DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, channel_id)
)
;

CREATE TABLE user_sessions (
    id         BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    started_at DATETIME(3) NOT NULL,
    ended_at   DATETIME(3) NULL,
    PRIMARY KEY (id)
)
;

CREATE INDEX idx_user_sessions_started_at ON user_sessions (started_at)
;

CREATE TABLE messages (
    id         BIGINT      NOT NULL,
    channel_id INT         NOT NULL,
    user_id    BIGINT      NULL,
    direction  VARCHAR(3)  NOT NULL,
    segments   INT         NOT NULL DEFAULT 1,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
)
;

CREATE INDEX idx_messages_created_at ON messages (created_at)
;

CREATE TABLE calls (
    id               BIGINT      NOT NULL,
    channel_id       INT         NOT NULL,
    user_id          BIGINT      NULL,
    direction        VARCHAR(3)  NOT NULL,
    started_at       DATETIME(3) NOT NULL,
    duration_seconds INT         NOT NULL,
    PRIMARY KEY (id)
)
;

CREATE INDEX idx_calls_started_at ON calls (started_at)
;

CREATE TABLE bot_sessions (
    id              BIGINT      NOT NULL,
    channel_id      INT         NOT NULL,
    started_at      DATETIME(3) NOT NULL,
    messages        INT         NOT NULL,
    handed_to_agent TINYINT(1)  NOT NULL,
    PRIMARY KEY (id)
)
;

CREATE INDEX idx_bot_sessions_started_at ON bot_sessions (started_at)
;
